-- The latest inspection of each area published within the period, for the visible set of areas.
-- params: $show_demo, $regions, $year_from, $year_to
WITH visible AS (
    SELECT *
    FROM inspection_summary
    WHERE is_visible(is_demo, region, $show_demo, $regions)
      AND year(inspection_date) BETWEEN $year_from AND $year_to
),
final AS (
    SELECT
        area, region, is_demo, published, fieldwork_start, inspection_date, framework,
        overall_rating, score, published_rating, published_score, standards_rated, source
    FROM visible
    QUALIFY row_number() OVER (PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1
)
SELECT * FROM final
ORDER BY score DESC NULLS LAST, area
