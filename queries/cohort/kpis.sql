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
    -- One row per KPI, each naming its own numerator and denominator.
    SELECT unnest([
        {'position': 1, 'code': 'kpi_accommodation', 'numerator': accommodation_n, 'denominator': accommodation_d},
        {'position': 2, 'code': 'kpi_ete', 'numerator': ete_n, 'denominator': ended_d},
        {'position': 3, 'code': 'kpi_send', 'numerator': send_n, 'denominator': send_d},
        {'position': 4, 'code': 'kpi_mental_health', 'numerator': mental_health_n, 'denominator': mental_health_d},
        {'position': 5, 'code': 'kpi_substance_misuse', 'numerator': substance_n, 'denominator': substance_d},
        {'position': 6, 'code': 'kpi_oocd_completion', 'numerator': oocd_n, 'denominator': oocd_d},
        {'position': 7, 'code': 'kpi_wider_services', 'numerator': wider_n, 'denominator': ended_d}
    ], recursive := true)
    FROM counts
)
SELECT f.code, i.name, i.polarity, f.numerator, f.denominator
FROM final AS f
JOIN indicators AS i ON i.code = f.code
ORDER BY f.position
