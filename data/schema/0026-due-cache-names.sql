-- 0026-due-cache-names: each cached item carries its client's name and
-- kana, so the due sheet reads them with its items from the covering
-- index due_cache_open.  A week's sheet at 10,000 clients named its 4,614
-- clients by a second pass over all 10,000 in client_names (11 M
-- instructions, a hundred pages); the two columns cost it 2.4 M.  (A
-- join from each item to client_names cost more than the pass: a seek
-- per item.)
--
-- The cache stays derived data: the names are the client's, written
-- with the items (src/store/due_cache.c), and a client renamed or given
-- new kana, by tsunagi or anything else, has its items' copies
-- rewritten by the trigger below; a deleted client's items go at once
-- (due_client_del), and with secure_delete their bytes too.
-- exported tables unchanged
ALTER TABLE due_cache ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE due_cache ADD COLUMN kana TEXT NOT NULL DEFAULT '';
UPDATE due_cache SET
	name = coalesce((SELECT c.name FROM client c WHERE c.id = due_cache.client_id), ''),
	kana = coalesce((SELECT c.kana FROM client c WHERE c.id = due_cache.client_id), '');
DROP INDEX due_cache_open;
CREATE INDEX due_cache_open ON due_cache (due_on, kind, client_id, ref_id, stage,
	month, deadline, done_id, text, text2, name, kana) WHERE done_id = 0;
CREATE TRIGGER due_client_names AFTER UPDATE OF name, kana ON client
	WHEN OLD.name IS NOT NEW.name OR OLD.kana IS NOT NEW.kana BEGIN
	UPDATE due_cache SET name = NEW.name, kana = NEW.kana WHERE client_id = NEW.id;
END;
