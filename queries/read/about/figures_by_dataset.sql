-- What each dataset holds, real and demo apart: its rows and the date of its newest figure.
-- Inspections by publication (or fieldwork) date, indicators by the end of their latest period, the cohort by the
-- latest start of a child's episode (its count perturbed: NULL where withheld), plans by their latest status update.
-- params:
WITH inspections_held AS (
    SELECT 'inspections' AS dataset, is_demo, count(*) AS rows, max(inspection_date) AS newest, NULL AS newest_period
    FROM inspection_summary
    GROUP BY ALL
),
indicators_held AS (
    SELECT 'indicators', coalesce(a.is_demo, false), count(*), max(v.period_end), arg_max(v.period, v.period_end)
    FROM indicator_values AS v
    LEFT JOIN areas AS a ON a.name = v.area
    GROUP BY ALL
),
cohort_counted AS (
    SELECT a.is_demo, count(*) AS children, sum(c.record_key) AS keys, max(c.start_date) AS newest
    FROM cohort AS c
    JOIN areas AS a ON a.name = c.area
    GROUP BY ALL
),
cohort_held AS (  -- a count of children, perturbed like every other (data/views.sql `perturbed`)
    SELECT 'cohort', is_demo, perturbed(pvalues, children, keys), newest, NULL
    FROM cohort_counted, ptable_lookup
),
plans_held AS (
    SELECT 'plans', a.is_demo, count(DISTINCT x.action_id), max(u.update_date), NULL
    FROM improvement_actions AS x
    JOIN improvement_plans AS p USING (plan)
    JOIN areas AS a ON a.name = p.area
    LEFT JOIN action_status_updates AS u USING (action_id)
    GROUP BY ALL
)
SELECT * FROM inspections_held
UNION ALL SELECT * FROM indicators_held
UNION ALL SELECT * FROM cohort_held
UNION ALL SELECT * FROM plans_held
