-- Children in the filtered cohort by two dimensions chosen by key ($row_dim x $col_dim), every row,
-- column and the whole a cell of its own (a total's value is NULL, `all_rows` / `all_columns` say which),
-- with the children of each followed up for 12 months and those who reoffended: one pass serves the
-- cross-tab, its totals, the "children matching" figure and the reoffending table. Every figure is
-- perturbed on its own (data/views.sql `perturbed`): a total is never the sum of perturbed cells.
-- params: $cohort, $dimensions, $row_dim, $col_dim
WITH cells AS (
    SELECT * FROM cohort_counts($cohort, $dimensions, $row_dim, $col_dim)
),
rolled_up AS (
    SELECT
        row_value,
        col_value,
        grouping(row_value) = 1 AS all_rows,
        grouping(col_value) = 1 AS all_columns,
        sum(children) AS children,
        sum(key_sum) AS key_sum,
        sum(children) FILTER (WHERE outcome <> 'Not yet known') AS followed_up,
        sum(key_sum) FILTER (WHERE outcome <> 'Not yet known') AS followed_up_keys,
        sum(children) FILTER (WHERE outcome = 'Reoffended') AS reoffended,
        sum(key_sum) FILTER (WHERE outcome = 'Reoffended') AS reoffended_keys
    FROM cells
    GROUP BY GROUPING SETS ((row_value, col_value), (row_value), (col_value), ())
)
SELECT
    row_value,
    col_value,
    all_rows,
    all_columns,
    perturbed(pvalues, children, key_sum) AS children,
    perturbed(pvalues, followed_up, followed_up_keys) AS followed_up,
    perturbed(pvalues, reoffended, reoffended_keys) AS reoffended
FROM rolled_up, ptable_lookup
