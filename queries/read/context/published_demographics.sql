-- Demographic shares the published documents give for the chosen areas (percentages only: a
-- document's counts of a few children are not repeated on a shared screen).
-- params: $areas
SELECT area, measure, value, as_at, note, readable_source(source) AS source
FROM context_figures
WHERE list_contains($areas::VARCHAR[], area) AND topic = 'demographics' AND unit = 'percent'
ORDER BY area, measure
