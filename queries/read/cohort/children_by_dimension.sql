-- Children per value of one dimension ($dim), for a dimension whose own filter the caller has
-- emptied: the counts its options would give under all the other filters.
-- params: $cohort, $dimensions, $dim
SELECT $dim AS dimension, row_value AS value, sum(children) AS children
FROM cohort_counts($cohort, $dimensions, $dim, $dim)
GROUP BY ALL
