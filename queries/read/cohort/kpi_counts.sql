-- The counts behind the 2023 key performance indicators, over the filtered cohort's ended orders, a
-- row per count (`count` names it): yjs/domain/cohort.py KPIS pairs them into each KPI's numerator and
-- denominator (naming the KPIs here too, by a join and a row per KPI, took a quarter longer).
-- Each count is a cell of its own, perturbed with the sum of its children's record keys (`*_keys`;
-- data/views.sql `perturbed`). The children are first grouped by what the counts ask of them (a few
-- hundred groups), then the groups are added up: at a million children three times quicker than
-- 26 filtered counts and sums over every child.
-- params: $cohort, $dimensions
WITH children AS (  -- each child whose order ended (n 1, keys its record key), or with no dimension filtered
                   -- the cells kept per area and year (data/views.sql `in_scope`): the same sums
    SELECT suitable_accommodation_at_end, in_ete_at_end, send_formal_plan, has_send, mental_health_support,
           has_mental_health_need, substance_misuse_support, has_substance_need, completed, disposal_type,
           wider_services, 1 AS n, record_key AS keys
    FROM filtered_cohort($cohort, $dimensions)
    WHERE order_ended AND NOT $cohort['unfiltered']
    UNION ALL BY NAME
    SELECT * EXCLUDE (area, start_year)
    FROM cohort_kpi_cells
    WHERE in_scope($cohort, area, start_year)
),
ended AS (  -- grouped on the stored columns as they are, then named as the counts ask
    SELECT
        suitable_accommodation_at_end AS accommodation,
        in_ete_at_end AS ete,
        send_formal_plan,
        has_send,
        mental_health_support,
        has_mental_health_need,
        substance_misuse_support,
        has_substance_need,
        completed AND disposal_type = 'Out-of-court' AS oocd_completed,
        disposal_type = 'Out-of-court' AS oocd,
        wider_services,
        sum(n) AS n,
        sum(keys) AS keys
    FROM children
    GROUP BY ALL
),
counted AS (
    SELECT
        sum(n) FILTER (WHERE accommodation) AS accommodation_n,
        sum(keys) FILTER (WHERE accommodation) AS accommodation_n_keys,
        sum(n) FILTER (WHERE accommodation IS NOT NULL) AS accommodation_d,
        sum(keys) FILTER (WHERE accommodation IS NOT NULL) AS accommodation_d_keys,
        sum(n) FILTER (WHERE ete) AS ete_n,
        sum(keys) FILTER (WHERE ete) AS ete_n_keys,
        sum(n) AS ended_d,
        sum(keys) AS ended_d_keys,
        sum(n) FILTER (WHERE send_formal_plan) AS send_n,
        sum(keys) FILTER (WHERE send_formal_plan) AS send_n_keys,
        sum(n) FILTER (WHERE has_send) AS send_d,
        sum(keys) FILTER (WHERE has_send) AS send_d_keys,
        sum(n) FILTER (WHERE mental_health_support) AS mental_health_n,
        sum(keys) FILTER (WHERE mental_health_support) AS mental_health_n_keys,
        sum(n) FILTER (WHERE has_mental_health_need) AS mental_health_d,
        sum(keys) FILTER (WHERE has_mental_health_need) AS mental_health_d_keys,
        sum(n) FILTER (WHERE substance_misuse_support) AS substance_n,
        sum(keys) FILTER (WHERE substance_misuse_support) AS substance_n_keys,
        sum(n) FILTER (WHERE has_substance_need) AS substance_d,
        sum(keys) FILTER (WHERE has_substance_need) AS substance_d_keys,
        sum(n) FILTER (WHERE oocd_completed) AS oocd_n,
        sum(keys) FILTER (WHERE oocd_completed) AS oocd_n_keys,
        sum(n) FILTER (WHERE oocd) AS oocd_d,
        sum(keys) FILTER (WHERE oocd) AS oocd_d_keys,
        sum(n) FILTER (WHERE wider_services) AS wider_n,
        sum(keys) FILTER (WHERE wider_services) AS wider_n_keys
    FROM ended
),
by_count AS (  -- one row per count, so that one `perturbed` serves all thirteen (each of its uses costs planning)
    SELECT * FROM counted
    UNPIVOT INCLUDE NULLS ((children, keys) FOR count IN (
        (accommodation_n, accommodation_n_keys) AS accommodation_n,
        (accommodation_d, accommodation_d_keys) AS accommodation_d,
        (ete_n, ete_n_keys) AS ete_n,
        (ended_d, ended_d_keys) AS ended_d,
        (send_n, send_n_keys) AS send_n,
        (send_d, send_d_keys) AS send_d,
        (mental_health_n, mental_health_n_keys) AS mental_health_n,
        (mental_health_d, mental_health_d_keys) AS mental_health_d,
        (substance_n, substance_n_keys) AS substance_n,
        (substance_d, substance_d_keys) AS substance_d,
        (oocd_n, oocd_n_keys) AS oocd_n,
        (oocd_d, oocd_d_keys) AS oocd_d,
        (wider_n, wider_n_keys) AS wider_n
    ))
)
SELECT count, perturbed(pvalues, children, keys) AS children
FROM by_count, ptable_lookup
