-- Children in the filtered cohort counted by two dimensions, chosen by key ($row_dim, $col_dim),
-- and by reoffending outcome.
-- params: $cohort, $dimensions, $row_dim, $col_dim
SELECT row_value, col_value, outcome, children
FROM cohort_counts($cohort, $dimensions, $row_dim, $col_dim)
