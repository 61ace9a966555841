-- The facts the published documents give about one area, in the order they were transcribed.
-- params: $area
SELECT topic, measure, value, unit, qualifier, numerator, denominator, as_at, note, readable_source(source) AS source
FROM context_figures
WHERE area = $area
ORDER BY rowid
