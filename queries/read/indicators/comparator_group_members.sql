-- The areas of one saved comparator group (none when no group has that name).
-- params: $name
SELECT area FROM comparator_groups WHERE name = $name ORDER BY area
