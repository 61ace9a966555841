-- How many incoming cohort rows (the validated file, columns in the table's order) are new,
-- changed or identical to what is stored.
-- params:
WITH typed AS (
    (SELECT * FROM cohort LIMIT 0)
    UNION ALL BY NAME
    (SELECT * FROM incoming)
),
compared AS (
    SELECT t.child_id, c.child_id IS NULL AS is_new,
           (SELECT t) IS NOT DISTINCT FROM (SELECT c) AS is_same
    FROM typed AS t
    LEFT JOIN cohort AS c ON c.child_id = t.child_id AND c.start_date = t.start_date
)
SELECT
    count(*) FILTER (WHERE is_new) AS "add",
    count(*) FILTER (WHERE NOT is_new AND NOT is_same) AS "update",
    count(*) FILTER (WHERE NOT is_new AND is_same) AS "unchanged"
FROM compared
