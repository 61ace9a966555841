-- Children in the filtered cohort counted by two dimensions, chosen by key ($row_dim, $col_dim).
-- params: $areas, $year_from, $year_to, $age_bands, $sexes, $ethnicities, $disposal_types, $disposals, $offences, $care_statuses, $send_values, $ete_statuses, $substance_values, $mental_health_values, $rosh_levels, $wellbeing_levels, $reoffending_values, $row_dim, $col_dim
SELECT
    CASE $row_dim
            WHEN 'age_band' THEN age_band
            WHEN 'sex' THEN sex
            WHEN 'ethnicity' THEN ethnicity
            WHEN 'disposal_type' THEN disposal_type
            WHEN 'disposal' THEN disposal
            WHEN 'offence_category' THEN offence_category
            WHEN 'care_status' THEN care_status
            WHEN 'send' THEN send
            WHEN 'ete_status_at_end' THEN ete_status_at_end
            WHEN 'substance_misuse' THEN substance_misuse
            WHEN 'mental_health' THEN mental_health
            WHEN 'risk_of_serious_harm' THEN risk_of_serious_harm
            WHEN 'safety_and_wellbeing' THEN safety_and_wellbeing
            WHEN 'reoffending' THEN reoffending
        END AS row_value,
    CASE $col_dim
            WHEN 'age_band' THEN age_band
            WHEN 'sex' THEN sex
            WHEN 'ethnicity' THEN ethnicity
            WHEN 'disposal_type' THEN disposal_type
            WHEN 'disposal' THEN disposal
            WHEN 'offence_category' THEN offence_category
            WHEN 'care_status' THEN care_status
            WHEN 'send' THEN send
            WHEN 'ete_status_at_end' THEN ete_status_at_end
            WHEN 'substance_misuse' THEN substance_misuse
            WHEN 'mental_health' THEN mental_health
            WHEN 'risk_of_serious_harm' THEN risk_of_serious_harm
            WHEN 'safety_and_wellbeing' THEN safety_and_wellbeing
            WHEN 'reoffending' THEN reoffending
        END AS col_value,
    count(*) AS children
FROM filtered_cohort($areas::VARCHAR[], $year_from, $year_to, $age_bands::VARCHAR[], $sexes::VARCHAR[], $ethnicities::VARCHAR[], $disposal_types::VARCHAR[], $disposals::VARCHAR[], $offences::VARCHAR[], $care_statuses::VARCHAR[], $send_values::VARCHAR[], $ete_statuses::VARCHAR[], $substance_values::VARCHAR[], $mental_health_values::VARCHAR[], $rosh_levels::VARCHAR[], $wellbeing_levels::VARCHAR[], $reoffending_values::VARCHAR[])
GROUP BY ALL
