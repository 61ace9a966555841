-- Saved comparator groups and their members.
-- params:
SELECT name, list(area ORDER BY area) AS areas FROM comparator_groups GROUP BY name ORDER BY name
