-- Comparator groups and their members: the ones saved in the app (no source) and the ready-made ones
-- (statistical neighbours), each of those with the document it comes from.
-- params:
SELECT name, list(area ORDER BY area) AS areas, readable_source(any_value(source)) AS source
FROM comparator_groups
GROUP BY name
ORDER BY name
