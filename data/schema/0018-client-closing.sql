-- 0018-client-closing: a case is closed (終結) with its reason and a short
-- summary, as a case file records the end of support; the date was kept
-- (closed_on) but not why, nor what became of the client.
ALTER TABLE client ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE client ADD COLUMN closing_summary TEXT NOT NULL DEFAULT '';
