-- 0017-client-listing: the columns of a client list row (the command
-- line's list, the UI's rows) in list order, so that listing the whole
-- case load reads this index alone.  Through client_by_sort (status,
-- sort_key, id) each row was looked up in the wide client table (about
-- 22 rows to a page): at 10,000 clients `client list --all` read 798
-- pages, now 266, and 70 M -> 58 M instructions (callgrind).  It starts
-- with client_by_sort's columns and serves every query that used it, so
-- that index goes: SQLite without statistics kept choosing it.
-- tables unchanged
CREATE INDEX client_listing ON client (status, sort_key, id, name, kana, case_kind, recipient_no, birth_on);
DROP INDEX client_by_sort;
