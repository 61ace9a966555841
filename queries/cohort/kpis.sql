-- The 2023 key performance indicators computed from the filtered cohort's ended orders.
-- Each KPI is a numerator over a denominator, so the page can suppress small counts.
-- params: $cohort
WITH ended AS (
    SELECT * FROM filtered_cohort($cohort) WHERE order_ended
),
final AS (
    SELECT 'kpi_accommodation' AS code, count(*) FILTER (WHERE suitable_accommodation_at_end) AS numerator,
           count(*) FILTER (WHERE suitable_accommodation_at_end IS NOT NULL) AS denominator FROM ended
    UNION ALL
    SELECT 'kpi_ete', count(*) FILTER (WHERE in_ete_at_end), count(*) FROM ended
    UNION ALL
    SELECT 'kpi_send', count(*) FILTER (WHERE send_formal_plan), count(*) FILTER (WHERE has_send) FROM ended
    UNION ALL
    SELECT 'kpi_mental_health', count(*) FILTER (WHERE mental_health_support),
           count(*) FILTER (WHERE has_mental_health_need) FROM ended
    UNION ALL
    SELECT 'kpi_substance_misuse', count(*) FILTER (WHERE substance_misuse_support),
           count(*) FILTER (WHERE has_substance_need) FROM ended
    UNION ALL
    SELECT 'kpi_oocd_completion', count(*) FILTER (WHERE completed AND disposal_type = 'Out-of-court'),
           count(*) FILTER (WHERE disposal_type = 'Out-of-court') FROM ended
    UNION ALL
    SELECT 'kpi_wider_services', count(*) FILTER (WHERE wider_services), count(*) FROM ended
)
SELECT f.code, i.name, i.polarity, f.numerator, f.denominator
FROM final AS f
JOIN indicators AS i ON i.code = f.code
