-- Rows of a checked cohort file (write/cohort/keep_checked_cohort) repeating an earlier row's child and
-- start date: reported on a row with no other problem, naming the first line that had them (line by line,
-- the first line holds a key even when it has problems of its own).
-- params: $checked
WITH checked AS (SELECT line, clean, child_id, start_date FROM read_parquet($checked)),
first_lines AS (  -- grouped rather than a window, which would hold every row in memory
    SELECT child_id, start_date, min(line) AS first_line FROM checked GROUP BY ALL HAVING count(*) > 1
)
SELECT line, 'start_date' AS column_name, 'same child and start date as line ' || first_line AS reason
FROM checked
JOIN first_lines
    ON first_lines.child_id IS NOT DISTINCT FROM checked.child_id
    AND first_lines.start_date IS NOT DISTINCT FROM checked.start_date
WHERE clean AND line > first_line
ORDER BY line
