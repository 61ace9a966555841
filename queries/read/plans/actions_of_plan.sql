-- The actions of one plan as they are now (earlier values are in action_edits).
-- params: $plan
SELECT action_id, plan, ref, theme, recommendations, action, finding, lead, agency, board_sponsor,
       start_text, start_date, due_text, due_date, measures, evidence, evidence_link, readable_source(source) AS source
FROM improvement_actions
WHERE plan = $plan
ORDER BY action_id
