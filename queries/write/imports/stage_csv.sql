-- A UTF-8 CSV with one record on each line (yjs/importers/staging.py checks), read by DuckDB itself and
-- kept as Parquet with each record's line: the staged rows every kind's checks read. `template` (registered
-- from Python: line, then every column of the kind as text, no rows) adds the columns the file lacks, as
-- NULL. The dialect is the one Python's csv module reads (comma, double quotes doubled inside quotes);
-- anything DuckDB's strict reader refuses (a record with more cells than headings, a stray quote) makes
-- the caller read the file the slow way, where each such record is reported by line.
-- params: $csv, $columns, $staged
COPY (
    (FROM template)
    UNION ALL BY NAME
    (
        SELECT nextval('data_lines') AS line, *
        FROM read_csv(
            $csv, header = false, skip = 1, all_varchar = true, null_padding = true, auto_detect = false,
            delim = ',', quote = '"', escape = '"', strict_mode = true, parallel = false, columns = $columns
        )
    )
) TO $staged (FORMAT parquet)
