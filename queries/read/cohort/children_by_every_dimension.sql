-- Children per value of every dimension under all the filters, in one pass (GROUPING SETS), one
-- row per dimension and value, each count perturbed (data/views.sql `perturbed`). Right for each
-- dimension that has no selection of its own; see children_by_dimension.sql for the others.
-- With no dimension filtered, the counts come from the cells kept per area and year instead
-- (data/views.sql `in_scope`): the same figures, without grouping every child.
-- The grouping sets are the one place a query names the dimensions, because DuckDB cannot make them
-- from COLUMNS(...); the generic form, a histogram() of each of COLUMNS(struct_keys($dimensions)),
-- took 3-10% longer on a million children. A dimension missing here is a binder error, not a gap.
-- params: $cohort, $dimensions
WITH counted AS (
    SELECT COLUMNS(struct_keys($dimensions))::VARCHAR, count(*) AS children, sum(record_key) AS key_sum
    FROM filtered_cohort($cohort, $dimensions)
    WHERE NOT $cohort['unfiltered']
    GROUP BY GROUPING SETS ((age_band), (sex), (ethnicity), (disposal_type), (disposal), (offence_category),
                           (care_status), (send), (ete_status_at_end), (substance_misuse), (mental_health),
                           (risk_of_serious_harm), (safety_and_wellbeing), (reoffending))
),
by_dimension AS (  -- UNPIVOT leaves out the NULLs: each row's dimensions other than the one it counts
    UNPIVOT counted ON COLUMNS(* EXCLUDE (children, key_sum)) INTO NAME dimension VALUE value
),
from_cells AS (
    SELECT dimension, value, sum(children) AS children, sum(key_sum) AS key_sum
    FROM cohort_dimension_cells
    WHERE in_scope($cohort, area, start_year)
    GROUP BY ALL
)
SELECT dimension, value, perturbed(pvalues, children, key_sum) AS children
FROM (FROM by_dimension UNION ALL BY NAME FROM from_cells), ptable_lookup
