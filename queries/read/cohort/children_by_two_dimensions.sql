-- Children in the filtered cohort by two dimensions chosen by key ($row_dim x $col_dim), every row,
-- column and the whole a cell of its own (a total's value is NULL, `all_rows` / `all_columns` say which),
-- and (`measure`) all of them, those followed up for 12 months and those who reoffended: one pass serves
-- the cross-tab, its totals, the "children matching" figure and the reoffending table. Every figure is
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
),
by_measure AS (  -- a row per figure, so that one `perturbed` serves all three (each of its uses costs planning)
    SELECT * FROM rolled_up
    UNPIVOT INCLUDE NULLS ((children, keys) FOR measure IN (
        (children, key_sum) AS children,
        (followed_up, followed_up_keys) AS followed_up,
        (reoffended, reoffended_keys) AS reoffended
    ))
)
SELECT row_value, col_value, all_rows, all_columns, measure, perturbed(pvalues, children, keys) AS children
FROM by_measure, ptable_lookup
