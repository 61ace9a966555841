-- params: $name
DELETE FROM comparator_groups WHERE name = $name
