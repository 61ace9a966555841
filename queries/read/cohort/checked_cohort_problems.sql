-- Every problem the cells of a checked cohort file have (write/cohort/keep_checked_cohort): line, column,
-- reason, by line and, within a line, in the order of the columns.
-- params: $checked
SELECT line, problems[n].column_name, problems[n].reason
FROM (
    SELECT line, problems, unnest(generate_series(1, len(problems))) AS n
    FROM read_parquet($checked)
    WHERE NOT clean
)
ORDER BY line, n
