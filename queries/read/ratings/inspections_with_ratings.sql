-- Inspections already stored, with their standard ratings as a map, to match re-imports.
-- params:
SELECT
    i.inspection_id, i.area, i.published, i.fieldwork_start, i.framework,
    i.overall_rating, i.score, i.source,
    coalesce(map_from_entries(list({'key': r.code, 'value': r.rating}) FILTER (WHERE r.code IS NOT NULL)), MAP {}) AS ratings
FROM inspections AS i
LEFT JOIN standard_ratings AS r USING (inspection_id)
GROUP BY ALL
