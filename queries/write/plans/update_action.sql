-- A re-imported action's current values (the old ones are kept in action_edits first).
-- params: $action_id, $theme, $recommendations, $action, $finding, $lead, $agency, $board_sponsor, $start_text, $start_date, $due_text, $due_date, $measures, $evidence
UPDATE improvement_actions
SET theme = $theme, recommendations = $recommendations, action = $action, finding = $finding, lead = $lead, agency = $agency,
    board_sponsor = $board_sponsor, start_text = $start_text, start_date = $start_date, due_text = $due_text,
    due_date = $due_date, measures = $measures, evidence = $evidence
WHERE action_id = $action_id
