-- Episodes (child and start date) stored more than once among those a checked cohort file wrote: none,
-- unless the import's own rules failed; the write is then undone (yjs/importers/cohort.py). The cohort
-- table has no key to do this check, for memory (data/schema.sql).
-- params: $checked
SELECT child_id, start_date, count(*) AS copies
FROM cohort
WHERE (child_id, start_date) IN (SELECT child_id, start_date FROM read_parquet($checked))
GROUP BY child_id, start_date
HAVING count(*) > 1
ORDER BY child_id, start_date
LIMIT 5
