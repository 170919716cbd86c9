-- 0004-due-indexes: covering indexes for the due engine's window queries
-- (src/store/due_source.c).  Measured on the 10,000-client bench office:
-- the plans query 22 -> 8 ms, monitorings 10 -> 3 ms, certificates
-- 5 -> 3 ms.  Each holds only the columns the query reads, so SQLite
-- never touches the wide rows with their text.
CREATE INDEX plan_due ON plan (period_to, stage, client_id, period_from,
	anchor_month, monitoring_months) WHERE stage <> 'superseded';
CREATE INDEX client_due ON client (id, status, case_kind, birth_on);
CREATE INDEX plan_row_review ON plan_row (review_on, plan_id, priority)
	WHERE review_on IS NOT NULL;
DROP INDEX monitoring_by_done;
CREATE INDEX monitoring_done ON monitoring (done_on, client_id);
CREATE INDEX certificate_due ON certificate (client_id, kind, valid_to);
CREATE INDEX consent_due ON consent (client_id, shared_with, valid_to);
