-- Children at each stage of the system by group ($group_dim: ethnicity, care_experience or send),
-- for the whole period or, with $by_year, per year of starting, and with $by_area, per area. Each
-- stage's denominator is the stage before it: entered -> court (of entered) -> custody (of court);
-- reoffending is counted among the children followed up for 12 months.
-- params: $cohort, $dimensions, $group_dim, $by_year, $by_area
SELECT
    CASE WHEN $by_year THEN start_year END AS year,
    CASE WHEN $by_area THEN area END AS area,
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
FROM filtered_cohort($cohort, $dimensions)
GROUP BY ALL
