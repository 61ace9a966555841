-- Before write/imports/stage_csv: one thread, so that the file's records are read, and numbered, in order
-- (a window over the whole file would hold it all in memory); the numbers start at the first data line.
-- params:
SET threads = 1;
CREATE TEMP SEQUENCE data_lines START 2
