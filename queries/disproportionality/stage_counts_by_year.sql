-- Children at each stage of the system by group ($group_dim: ethnicity, care_experience or send), per year of starting.
-- Each stage's denominator is the stage before it: entered -> court (of entered) -> custody (of court);
-- reoffending is counted among those followed up for 12 months.
-- params: $areas, $year_from, $year_to, $age_bands, $sexes, $ethnicities, $disposal_types, $disposals, $offences, $care_statuses, $send_values, $ete_statuses, $substance_values, $mental_health_values, $rosh_levels, $wellbeing_levels, $reoffending_values, $group_dim
SELECT
    start_year AS year,
    CASE $group_dim
            WHEN 'ethnicity' THEN ethnicity::VARCHAR
            WHEN 'care_experience' THEN care_experience::VARCHAR
            WHEN 'send' THEN send::VARCHAR
        END AS group_value,
    count(*) AS entered,
    count(*) FILTER (WHERE disposal_type = 'Court') AS court,
    count(*) FILTER (WHERE disposal = 'Custody') AS custody,
    count(*) FILTER (WHERE reoffended_12m IS NOT NULL) AS followed_up,
    count(*) FILTER (WHERE reoffended_12m) AS reoffended
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
