-- Every inspection of one area, oldest first: its history of inspections and re-inspections.
-- params: $area
SELECT
    inspection_id, area, region, is_demo, published, fieldwork_start, inspection_date, framework,
    overall_rating, score, published_rating, published_score, standards_rated, source
FROM inspection_summary
WHERE area = $area
ORDER BY inspection_date, inspection_id
