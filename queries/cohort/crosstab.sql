-- Children in the filtered cohort counted by two dimensions, chosen by key ($row_dim, $col_dim).
-- params: $cohort, $row_dim, $col_dim
SELECT row_value, col_value, children
FROM cohort_counts($cohort, $row_dim, $col_dim)
