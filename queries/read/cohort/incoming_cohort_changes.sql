-- How many rows of a checked cohort file (write/cohort/keep_checked_cohort, every row clean) are new,
-- changed or identical to what is stored. Column by column: comparing whole rows as structs took ten
-- times as long. The record key is no data a file carries (it is kept, or drawn for a new episode, when
-- the rows are written), so it is left out of the comparison.
-- params: $checked
WITH compared AS (
    SELECT
        c.child_id IS NULL AS is_new,
        t.area IS NOT DISTINCT FROM c.area
        AND t.age_at_start IS NOT DISTINCT FROM c.age_at_start
        AND t.sex IS NOT DISTINCT FROM c.sex
        AND t.ethnicity IS NOT DISTINCT FROM c.ethnicity
        AND t.disposal_type IS NOT DISTINCT FROM c.disposal_type
        AND t.disposal IS NOT DISTINCT FROM c.disposal
        AND t.offence_category IS NOT DISTINCT FROM c.offence_category
        AND t.end_date IS NOT DISTINCT FROM c.end_date
        AND t.care_status IS NOT DISTINCT FROM c.care_status
        AND t.send IS NOT DISTINCT FROM c.send
        AND t.ete_status_at_end IS NOT DISTINCT FROM c.ete_status_at_end
        AND t.substance_misuse IS NOT DISTINCT FROM c.substance_misuse
        AND t.mental_health IS NOT DISTINCT FROM c.mental_health
        AND t.risk_of_serious_harm IS NOT DISTINCT FROM c.risk_of_serious_harm
        AND t.safety_and_wellbeing IS NOT DISTINCT FROM c.safety_and_wellbeing
        AND t.reoffended_12m IS NOT DISTINCT FROM c.reoffended_12m
        AND t.suitable_accommodation_at_end IS NOT DISTINCT FROM c.suitable_accommodation_at_end
        AND t.send_formal_plan IS NOT DISTINCT FROM c.send_formal_plan
        AND t.mental_health_support IS NOT DISTINCT FROM c.mental_health_support
        AND t.substance_misuse_support IS NOT DISTINCT FROM c.substance_misuse_support
        AND t.completed IS NOT DISTINCT FROM c.completed
        AND t.source IS NOT DISTINCT FROM c.source AS is_same
    FROM read_parquet($checked) AS t
    LEFT JOIN cohort AS c ON c.child_id = t.child_id AND c.start_date = t.start_date
)
SELECT
    count(*) FILTER (WHERE is_new) AS "add",
    count(*) FILTER (WHERE NOT is_new AND NOT is_same) AS "update",
    count(*) FILTER (WHERE NOT is_new AND is_same) AS "unchanged"
FROM compared
