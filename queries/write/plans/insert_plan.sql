-- A plan an import names for the first time.
-- params: $plan, $area, $title, $plan_date, $inspection_id, $source
INSERT INTO improvement_plans (plan, area, title, plan_date, inspection_id, source)
VALUES ($plan, $area, $title, $plan_date, $inspection_id, $source)
