-- Every problem the cells of a staged cohort file have (the macro parsed_cohort): line, column, reason.
-- params: $staged, $source, $court_disposals
SELECT line, problem.column_name, problem.reason
FROM (
    SELECT line, unnest(problems) AS problem
    FROM parsed_cohort($staged, $source, $court_disposals)
    WHERE len(problems) > 0
)
ORDER BY line
