-- Children per value of one dimension ($dim), for a dimension whose own filter the caller has
-- emptied: the counts its options would give under all the other filters, each perturbed
-- (data/views.sql `perturbed`). With no other dimension filtered, from the cells kept per area and
-- year (data/views.sql `in_scope`).
-- params: $cohort, $dimensions, $dim
WITH counted AS (
    SELECT row_value AS value, sum(children) AS children, sum(key_sum) AS key_sum
    FROM cohort_counts($cohort, $dimensions, $dim, $dim)
    WHERE NOT $cohort['unfiltered']
    GROUP BY ALL
),
from_cells AS (
    SELECT value, sum(children) AS children, sum(key_sum) AS key_sum
    FROM cohort_dimension_cells
    WHERE in_scope($cohort, area, start_year) AND dimension = $dim
    GROUP BY ALL
)
SELECT $dim AS dimension, value, perturbed(pvalues, children, key_sum) AS children
FROM (FROM counted UNION ALL BY NAME FROM from_cells), ptable_lookup
