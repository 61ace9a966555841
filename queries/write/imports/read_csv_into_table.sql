-- A CSV read by DuckDB alone into a table: the yardstick the benchmark times imports against
-- (yjs/perf/imports.py).
-- params: $csv
CREATE TABLE yardstick AS SELECT * FROM read_csv($csv)
