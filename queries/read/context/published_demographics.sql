-- Demographic shares the published documents give for the chosen areas (percentages only, with the
-- counts the document gives beside a share; a document's bare counts of a few children are not
-- repeated on a shared screen).
-- params: $areas
SELECT area, measure, value, unit, qualifier, numerator, denominator, as_at, note, readable_source(source) AS source
FROM context_figures
WHERE list_contains($areas::VARCHAR[], area) AND topic IN ('demographics', 'disproportionality') AND unit = 'percent'
ORDER BY area, measure, as_at
