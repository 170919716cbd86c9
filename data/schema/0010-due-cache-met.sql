-- 0010-due-cache-met: met monitoring months by day, kind and key, for
-- the calendar's day list, which reads them a page at a time
-- (src/report/due_page.c).  Without it a page of a busy day read and
-- sorted every item of that day (thousands at 100,000 clients).
CREATE INDEX due_cache_met ON due_cache (due_on, kind, client_id, ref_id, stage)
	WHERE done_id <> 0;
