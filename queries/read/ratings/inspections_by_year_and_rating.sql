-- Every inspection in scope counted by year and overall rating (published year, or the fieldwork
-- year while unpublished).
-- params: $show_demo, $regions, $year_from, $year_to
WITH visible AS (
    SELECT year(inspection_date) AS year, overall_rating, is_demo
    FROM inspection_summary
    WHERE is_visible(is_demo, region, $show_demo, $regions)
      AND year(inspection_date) BETWEEN $year_from AND $year_to
      AND overall_rating IS NOT NULL
)
SELECT year, overall_rating, count(*) AS inspections, count(*) FILTER (WHERE is_demo) AS demo_inspections
FROM visible
GROUP BY ALL
ORDER BY year, overall_rating
