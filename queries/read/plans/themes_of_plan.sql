-- The pillars or themes of one plan with their own lead and board sponsor, where the plan names them.
-- params: $plan
SELECT theme, lead, board_sponsor, readable_source(source) AS source
FROM plan_themes
WHERE plan = $plan
ORDER BY theme
