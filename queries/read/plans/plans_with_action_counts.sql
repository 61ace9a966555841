-- Improvement plans of the areas on show, with how many actions each holds.
-- params: $show_demo
SELECT p.plan, p.area, p.title, p.plan_date, readable_source(p.source) AS source, a.is_demo, count(x.action_id) AS actions
FROM improvement_plans AS p
JOIN areas AS a ON a.name = p.area
LEFT JOIN improvement_actions AS x ON x.plan = p.plan
WHERE $show_demo OR NOT a.is_demo
GROUP BY ALL
ORDER BY a.is_demo, p.area, p.plan_date DESC NULLS LAST
