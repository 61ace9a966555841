-- Children per value of every dimension under all the filters, in one pass (GROUPING SETS).
-- Right for each dimension that has no selection of its own; see facet_one.sql for the others.
-- params: $areas, $year_from, $year_to, $age_bands, $sexes, $ethnicities, $disposal_types, $disposals, $offences, $care_statuses, $send_values, $ete_statuses, $substance_values, $mental_health_values, $rosh_levels, $wellbeing_levels, $reoffending_values
WITH counted AS (
    SELECT age_band, sex, ethnicity, disposal_type, disposal, offence_category, care_status, send, ete_status_at_end, substance_misuse, mental_health, risk_of_serious_harm, safety_and_wellbeing, reoffending, count(*) AS children
    FROM filtered_cohort($areas::VARCHAR[],
                     $year_from,
                     $year_to,
                     $age_bands::VARCHAR[],
                     $sexes::VARCHAR[],
                     $ethnicities::VARCHAR[],
                     $disposal_types::VARCHAR[],
                     $disposals::VARCHAR[],
                     $offences::VARCHAR[],
                     $care_statuses::VARCHAR[],
                     $send_values::VARCHAR[],
                     $ete_statuses::VARCHAR[],
                     $substance_values::VARCHAR[],
                     $mental_health_values::VARCHAR[],
                     $rosh_levels::VARCHAR[],
                     $wellbeing_levels::VARCHAR[],
                     $reoffending_values::VARCHAR[])
    GROUP BY GROUPING SETS ((age_band), (sex), (ethnicity), (disposal_type), (disposal), (offence_category), (care_status), (send), (ete_status_at_end), (substance_misuse), (mental_health), (risk_of_serious_harm), (safety_and_wellbeing), (reoffending))
)
SELECT dimension, value, children
FROM counted
UNPIVOT (value FOR dimension IN (age_band, sex, ethnicity, disposal_type, disposal, offence_category, care_status, send, ete_status_at_end, substance_misuse, mental_health, risk_of_serious_harm, safety_and_wellbeing, reoffending))
