-- The counts behind the 2023 key performance indicators, over the filtered cohort's ended orders,
-- in one pass and one row: yjs/domain/cohort.py KPIS pairs them into each KPI's numerator and denominator
-- (naming the KPIs here too, by a join and a row per KPI, took a quarter longer than the counting).
-- params: $cohort, $dimensions
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
FROM filtered_cohort($cohort, $dimensions)
WHERE order_ended
