-- 0012-drafts-follow-clients: a draft belongs to its client.  A form left
-- tables unchanged
-- open in one session while another deleted the client used to be kept
-- as a draft afterwards (name, birth date, remarks ...), offered on every
-- start and impossible to open.  draft.client_id is 0 for a new client,
-- so instead of a foreign key (which 0 would violate) two triggers give
-- the same promise: a draft for a client that does not exist is refused,
-- and deleting a client deletes its drafts, also when done with plain
-- SQL.  Drafts already orphaned are removed.
DELETE FROM draft WHERE client_id <> 0 AND client_id NOT IN (SELECT id FROM client);

CREATE TRIGGER draft_needs_client BEFORE INSERT ON draft
WHEN NEW.client_id <> 0 AND NOT EXISTS (SELECT 1 FROM client WHERE id = NEW.client_id)
BEGIN
	SELECT RAISE(ABORT, 'draft of a deleted client');
END;

CREATE TRIGGER draft_follows_client AFTER DELETE ON client
BEGIN
	DELETE FROM draft WHERE client_id = OLD.id;
END;
