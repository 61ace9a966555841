-- The 2023 key performance indicators computed from the filtered cohort's ended orders, in one
-- pass. Each KPI is a numerator over a denominator, so the page can suppress small counts.
-- params: $cohort
WITH counts AS (
    SELECT
        count(*) FILTER (WHERE suitable_accommodation_at_end) AS accommodation_n,
        count(*) FILTER (WHERE suitable_accommodation_at_end IS NOT NULL) AS accommodation_d,
        count(*) FILTER (WHERE in_ete_at_end) AS ete_n,
        count(*) AS ended_d,
        count(*) FILTER (WHERE send_formal_plan) AS send_n,
        count(*) FILTER (WHERE has_send) AS send_d,
        count(*) FILTER (WHERE mental_health_support) AS mental_health_n,
        count(*) FILTER (WHERE has_mental_health_need) AS mental_health_d,
        count(*) FILTER (WHERE substance_misuse_support) AS substance_n,
        count(*) FILTER (WHERE has_substance_need) AS substance_d,
        count(*) FILTER (WHERE completed AND disposal_type = 'Out-of-court') AS oocd_n,
        count(*) FILTER (WHERE disposal_type = 'Out-of-court') AS oocd_d,
        count(*) FILTER (WHERE wider_services) AS wider_n
    FROM filtered_cohort($cohort)
    WHERE order_ended
),
final AS (
    SELECT * FROM (VALUES
        ('kpi_accommodation', 1), ('kpi_ete', 2), ('kpi_send', 3), ('kpi_mental_health', 4),
        ('kpi_substance_misuse', 5), ('kpi_oocd_completion', 6), ('kpi_wider_services', 7)
    ) AS k(code, position), counts
)
SELECT
    f.code, i.name, i.polarity,
    CASE f.code WHEN 'kpi_accommodation' THEN accommodation_n WHEN 'kpi_ete' THEN ete_n WHEN 'kpi_send' THEN send_n
        WHEN 'kpi_mental_health' THEN mental_health_n WHEN 'kpi_substance_misuse' THEN substance_n
        WHEN 'kpi_oocd_completion' THEN oocd_n ELSE wider_n END AS numerator,
    CASE f.code WHEN 'kpi_accommodation' THEN accommodation_d WHEN 'kpi_send' THEN send_d
        WHEN 'kpi_mental_health' THEN mental_health_d WHEN 'kpi_substance_misuse' THEN substance_d
        WHEN 'kpi_oocd_completion' THEN oocd_d ELSE ended_d END AS denominator
FROM final AS f
JOIN indicators AS i ON i.code = f.code
ORDER BY f.position
