-- 0006-due-cache-covering: lists read open items from the index alone.
-- At 10,000 clients the alarm list's window (12,000 open items) took
-- 25 ms with a row lookup per item and 9 ms from this covering index.
DROP INDEX due_cache_open;
CREATE INDEX due_cache_open ON due_cache (due_on, kind, client_id, ref_id, stage,
	month, deadline, done_id, text, text2) WHERE done_id = 0;
