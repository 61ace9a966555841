-- How much cohort data the chosen areas have, and whether any of it is demo data.
-- params: $areas
SELECT
    count(*) AS children,
    count(DISTINCT area) AS areas_with_data,
    coalesce(bool_or(is_demo), false) AS any_demo,
    min(start_year) AS first_year,
    max(start_year) AS last_year,
    string_agg(DISTINCT source, '; ') AS sources
FROM cohort_facts
WHERE list_contains($areas::VARCHAR[], area)
