-- The recommendations of the inspection a plan answers.
-- params: $plan
SELECT r.number, r.addressee, r.text
FROM improvement_plans AS p
JOIN recommendations AS r ON r.inspection_id = p.inspection_id
WHERE p.plan = $plan
ORDER BY r.number
