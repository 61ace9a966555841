-- Every improvement plan, with the latest inspection of its area, for matching imported actions.
-- params:
SELECT p.plan, p.area, p.title, p.plan_date
FROM improvement_plans AS p
ORDER BY p.area, p.plan_date DESC NULLS LAST
