-- comparator_groups.csv: groups of services compared with each other: DfE statistical neighbours, and groups saved in the app.
-- params: $demo
-- column name: the group's name
-- column area: a member of the group
-- column source: where the group comes from (blank: saved in the app)
SELECT g.name, g.area, readable_source(g.source) AS source
FROM comparator_groups AS g
JOIN areas AS a ON a.name = g.area
WHERE NOT a.is_demo OR $demo
ORDER BY g.name, g.area
