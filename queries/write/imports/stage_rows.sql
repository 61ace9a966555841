-- A large file's rows, rewritten by yjs/importers/staging.py as a plain CSV of our own making (line first,
-- every cell quoted, "\n" between records), kept as Parquet for the kind's checks to read. Nothing is
-- sniffed: the dialect is the one that CSV was written in.
-- params: $plain, $columns, $staged
COPY (
    SELECT *
    FROM read_csv(
        $plain, auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', new_line = '\n',
        comment = '', max_line_size = 4194304, columns = $columns
    )
) TO $staged (FORMAT parquet)
