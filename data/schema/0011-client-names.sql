-- 0011-client-names: clients' names and kana by id, for the lists that
-- show a name beside each due item (the due list, its PDF, the alarm
-- list).  A client row is wide (address, notes on the case), about 22 to
-- a page; this index holds about 90, so looking up the names of a
-- week's items reads a quarter of the pages (src/store/due_source.c).
CREATE INDEX client_names ON client (id, name, kana);
