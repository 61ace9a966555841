-- The areas the rows of a checked cohort file are about (a role scoped to some areas may import only those).
-- params: $checked
SELECT DISTINCT area FROM read_parquet($checked)
