-- improvement_plans.csv: each service's improvement plan after an inspection.
-- params: $demo
-- column plan: the plan's key in this database (the key of the other plan files)
-- column area: the youth justice service
-- column is_demo: true for an invented demo plan
-- column title: the plan's title
-- column plan_date: the plan's date, where known
-- column inspection_id: the inspection it answers (inspections.csv), where known
-- column source: the document the row was read from (title, date, section)
SELECT p.plan, p.area, a.is_demo, p.title, p.plan_date, p.inspection_id, readable_source(p.source) AS source
FROM improvement_plans AS p
JOIN areas AS a ON a.name = p.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, p.area, p.plan
