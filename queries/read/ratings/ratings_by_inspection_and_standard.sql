-- The standard ratings of the inspections in scope: one row per inspection and standard, or one row
-- with a NULL code for an inspection whose standard ratings are not known (2025 framework, or only
-- the overall rating published). `$every` keeps every inspection, else the latest per area.
-- params: $show_demo, $regions, $areas, $year_from, $year_to, $every, $frameworks, $overall_ratings
WITH visible AS (
    SELECT *
    FROM inspection_summary
    WHERE is_visible(is_demo, region, $show_demo, $regions)
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], area))
      AND year(inspection_date) BETWEEN $year_from AND $year_to
),
chosen AS (
    SELECT *
    FROM visible
    QUALIFY $every OR row_number() OVER (PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1
),
filtered AS (
    SELECT *
    FROM chosen
    WHERE (len($frameworks::INTEGER[]) = 0 OR list_contains($frameworks::INTEGER[], framework))
      AND (len($overall_ratings::VARCHAR[]) = 0 OR list_contains($overall_ratings::VARCHAR[], overall_rating))
),
final AS (
    SELECT
        f.inspection_id, f.area, f.region, f.is_demo, f.published, f.fieldwork_start, f.inspection_date,
        f.framework, f.overall_rating, f.score, f.standards_rated, f.source,
        r.code, coalesce(nullif(r.name, ''), s.name) AS standard_name, r.rating
    FROM filtered AS f
    LEFT JOIN standard_ratings AS r USING (inspection_id)
    LEFT JOIN standards AS s ON s.framework = f.framework AND s.code = r.code
)
SELECT * FROM final
ORDER BY inspection_date DESC, area, code
