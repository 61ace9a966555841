-- How many rows a file staged by DuckDB (write/imports/stage_csv) has, and how many of them are blank in
-- every cell (Python's reader skips those; DuckDB's keeps them, so the caller reads such a file the slow way).
-- params: $staged
WITH joined AS (SELECT concat_ws('', *COLUMNS(* EXCLUDE line)) AS cells FROM read_parquet($staged))
SELECT count(*) AS data_rows, count(*) FILTER (WHERE NOT regexp_matches(cells, '\S')) AS blank_rows
FROM joined
