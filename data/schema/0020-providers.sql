-- 0020-providers: the provider register (事業所, issue 16 item 12).
--
-- The same service provider is written into many plans' needs rows
-- (提供事業者名（担当者名・電話）).  The register holds it once: name,
-- the kinds of service it gives, the contact person, phone and address.
-- It belongs to no client: it is the office's own list.  A plan row
-- links to it with provider_id; the free-text provider column stays for
-- what was typed before and for a provider not in the register.  A
-- provider a row links to cannot be deleted (the store says which plan;
-- without the store, the foreign key refuses it).
CREATE TABLE service_provider (
	id              INTEGER PRIMARY KEY,
	version         INTEGER NOT NULL DEFAULT 1,
	name            TEXT NOT NULL,
	service_kinds   TEXT NOT NULL DEFAULT '',
	contact_person  TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	address         TEXT NOT NULL DEFAULT '',
	remarks         TEXT NOT NULL DEFAULT ''
);

ALTER TABLE plan_row ADD COLUMN provider_id INTEGER REFERENCES service_provider (id);
CREATE INDEX plan_row_by_provider ON plan_row (provider_id);

-- A consented plan's rows stay as they were signed (0016): the link is
-- one more column the trigger guards.
DROP TRIGGER plan_row_consented_read_only;
CREATE TRIGGER plan_row_consented_read_only BEFORE UPDATE ON plan_row
WHEN EXISTS (SELECT 1 FROM plan WHERE id IN (OLD.plan_id, NEW.plan_id) AND stage <> 'draft') AND (
	NEW.plan_id IS NOT OLD.plan_id
	OR NEW.priority IS NOT OLD.priority
	OR NEW.need IS NOT OLD.need
	OR NEW.goal IS NOT OLD.goal
	OR NEW.target_on IS NOT OLD.target_on
	OR NEW.service_kind IS NOT OLD.service_kind
	OR NEW.service_detail IS NOT OLD.service_detail
	OR NEW.service_amount IS NOT OLD.service_amount
	OR NEW.provider IS NOT OLD.provider
	OR NEW.provider_id IS NOT OLD.provider_id
	OR NEW.client_role IS NOT OLD.client_role
	OR NEW.review_on IS NOT OLD.review_on
	OR NEW.remarks IS NOT OLD.remarks)
BEGIN
	SELECT RAISE(ABORT, 'a consented plan is read-only; start a new version');
END;
