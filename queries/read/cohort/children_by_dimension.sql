-- Children per value of one dimension ($dim), for a dimension whose own filter the caller has
-- emptied: the counts its options would give under all the other filters, each perturbed
-- (data/views.sql `perturbed`).
-- params: $cohort, $dimensions, $dim
WITH counted AS (
    SELECT row_value AS value, sum(children) AS children, sum(key_sum) AS key_sum
    FROM cohort_counts($cohort, $dimensions, $dim, $dim)
    GROUP BY ALL
)
SELECT $dim AS dimension, value, perturbed(pvalues, children, key_sum) AS children
FROM counted, ptable_lookup
