-- How much cohort data the chosen areas have, and whether any of it is demo data: from the cohort counted
-- per area, year and source (data/views.sql), a few rows an area instead of every child.
-- params: $areas
WITH chosen AS (
    SELECT area, is_demo, start_year, source, children
    FROM cohort_area_year_cells
    WHERE list_contains($areas::VARCHAR[], area)
),
totals AS (
    SELECT
        coalesce(sum(children), 0)::BIGINT AS children,
        count(DISTINCT area) AS areas_with_data,
        coalesce(bool_or(is_demo), false) AS any_demo,
        min(start_year) AS first_year,
        max(start_year) AS last_year
    FROM chosen
),
-- Each distinct source made readable once, not once per child.
sources AS (
    SELECT string_agg(readable_source(source), '; ' ORDER BY source) AS sources
    FROM (SELECT DISTINCT source FROM chosen)
)
SELECT * FROM totals, sources
