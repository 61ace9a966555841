-- How many incoming cohort rows (the validated file, columns in the table's order) are new,
-- changed or identical to what is stored. The record key is no data a file carries (it is kept, or
-- drawn for a new episode, when the rows are written), so it is left out of the comparison.
-- params:
WITH typed AS (
    (SELECT * EXCLUDE (record_key) FROM cohort LIMIT 0)
    UNION ALL BY NAME
    (SELECT * EXCLUDE (record_key) FROM incoming)
),
stored AS (
    SELECT * EXCLUDE (record_key) FROM cohort
),
compared AS (
    SELECT t.child_id, c.child_id IS NULL AS is_new,
           (SELECT t) IS NOT DISTINCT FROM (SELECT c) AS is_same
    FROM typed AS t
    LEFT JOIN stored AS c ON c.child_id = t.child_id AND c.start_date = t.start_date
)
SELECT
    count(*) FILTER (WHERE is_new) AS "add",
    count(*) FILTER (WHERE NOT is_new AND NOT is_same) AS "update",
    count(*) FILTER (WHERE NOT is_new AND is_same) AS "unchanged"
FROM compared
