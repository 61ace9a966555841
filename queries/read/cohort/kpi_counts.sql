-- The counts behind the 2023 key performance indicators, over the filtered cohort's ended orders,
-- in one pass and one row: yjs/domain/cohort.py KPIS pairs them into each KPI's numerator and denominator
-- (naming the KPIs here too, by a join and a row per KPI, took a quarter longer than the counting).
-- Each count is a cell of its own, perturbed with the sum of its children's record keys (`*_keys`;
-- data/views.sql `perturbed`).
-- params: $cohort, $dimensions
WITH counted AS (
    SELECT
        count(*) FILTER (WHERE suitable_accommodation_at_end) AS accommodation_n,
        sum(record_key) FILTER (WHERE suitable_accommodation_at_end) AS accommodation_n_keys,
        count(*) FILTER (WHERE suitable_accommodation_at_end IS NOT NULL) AS accommodation_d,
        sum(record_key) FILTER (WHERE suitable_accommodation_at_end IS NOT NULL) AS accommodation_d_keys,
        count(*) FILTER (WHERE in_ete_at_end) AS ete_n,
        sum(record_key) FILTER (WHERE in_ete_at_end) AS ete_n_keys,
        count(*) AS ended_d,
        sum(record_key) AS ended_d_keys,
        count(*) FILTER (WHERE send_formal_plan) AS send_n,
        sum(record_key) FILTER (WHERE send_formal_plan) AS send_n_keys,
        count(*) FILTER (WHERE has_send) AS send_d,
        sum(record_key) FILTER (WHERE has_send) AS send_d_keys,
        count(*) FILTER (WHERE mental_health_support) AS mental_health_n,
        sum(record_key) FILTER (WHERE mental_health_support) AS mental_health_n_keys,
        count(*) FILTER (WHERE has_mental_health_need) AS mental_health_d,
        sum(record_key) FILTER (WHERE has_mental_health_need) AS mental_health_d_keys,
        count(*) FILTER (WHERE substance_misuse_support) AS substance_n,
        sum(record_key) FILTER (WHERE substance_misuse_support) AS substance_n_keys,
        count(*) FILTER (WHERE has_substance_need) AS substance_d,
        sum(record_key) FILTER (WHERE has_substance_need) AS substance_d_keys,
        count(*) FILTER (WHERE completed AND disposal_type = 'Out-of-court') AS oocd_n,
        sum(record_key) FILTER (WHERE completed AND disposal_type = 'Out-of-court') AS oocd_n_keys,
        count(*) FILTER (WHERE disposal_type = 'Out-of-court') AS oocd_d,
        sum(record_key) FILTER (WHERE disposal_type = 'Out-of-court') AS oocd_d_keys,
        count(*) FILTER (WHERE wider_services) AS wider_n,
        sum(record_key) FILTER (WHERE wider_services) AS wider_n_keys
    FROM filtered_cohort($cohort, $dimensions)
    WHERE order_ended
)
SELECT
    perturbed(pvalues, accommodation_n, accommodation_n_keys) AS accommodation_n,
    perturbed(pvalues, accommodation_d, accommodation_d_keys) AS accommodation_d,
    perturbed(pvalues, ete_n, ete_n_keys) AS ete_n,
    perturbed(pvalues, ended_d, ended_d_keys) AS ended_d,
    perturbed(pvalues, send_n, send_n_keys) AS send_n,
    perturbed(pvalues, send_d, send_d_keys) AS send_d,
    perturbed(pvalues, mental_health_n, mental_health_n_keys) AS mental_health_n,
    perturbed(pvalues, mental_health_d, mental_health_d_keys) AS mental_health_d,
    perturbed(pvalues, substance_n, substance_n_keys) AS substance_n,
    perturbed(pvalues, substance_d, substance_d_keys) AS substance_d,
    perturbed(pvalues, oocd_n, oocd_n_keys) AS oocd_n,
    perturbed(pvalues, oocd_d, oocd_d_keys) AS oocd_d,
    perturbed(pvalues, wider_n, wider_n_keys) AS wider_n
FROM counted, ptable_lookup
