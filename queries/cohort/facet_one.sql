-- Children per value of one dimension ($dim), for a dimension whose own filter the caller has
-- emptied: the counts its options would give under all the other filters.
-- params: $areas, $year_from, $year_to, $age_bands, $sexes, $ethnicities, $disposal_types, $disposals, $offences, $care_statuses, $send_values, $ete_statuses, $substance_values, $mental_health_values, $rosh_levels, $wellbeing_levels, $reoffending_values, $dim
SELECT
    $dim AS dimension,
    CASE $dim
            WHEN 'age_band' THEN age_band::VARCHAR
            WHEN 'sex' THEN sex::VARCHAR
            WHEN 'ethnicity' THEN ethnicity::VARCHAR
            WHEN 'disposal_type' THEN disposal_type::VARCHAR
            WHEN 'disposal' THEN disposal::VARCHAR
            WHEN 'offence_category' THEN offence_category::VARCHAR
            WHEN 'care_status' THEN care_status::VARCHAR
            WHEN 'send' THEN send::VARCHAR
            WHEN 'ete_status_at_end' THEN ete_status_at_end::VARCHAR
            WHEN 'substance_misuse' THEN substance_misuse::VARCHAR
            WHEN 'mental_health' THEN mental_health::VARCHAR
            WHEN 'risk_of_serious_harm' THEN risk_of_serious_harm::VARCHAR
            WHEN 'safety_and_wellbeing' THEN safety_and_wellbeing::VARCHAR
            WHEN 'reoffending' THEN reoffending::VARCHAR
        END AS value,
    count(*) AS children
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
GROUP BY ALL
