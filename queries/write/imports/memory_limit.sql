-- How much memory DuckDB may hold while an import checks and writes a large file; past it, it spills to
-- disk (write/imports/unordered: without holding rows in the file's order).
-- params: $memory_limit
SET memory_limit = $memory_limit
