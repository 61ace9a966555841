-- A new improvement action from an import.
-- params: $plan, $ref, $theme, $recommendations, $action, $finding, $lead, $agency, $board_sponsor, $start_text, $start_date, $due_text, $due_date, $measures, $evidence, $source
INSERT INTO improvement_actions (plan, ref, theme, recommendations, action, finding, lead, agency, board_sponsor, start_text,
                                 start_date, due_text, due_date, measures, evidence, source)
VALUES ($plan, $ref, $theme, $recommendations, $action, $finding, $lead, $agency, $board_sponsor, $start_text,
        $start_date, $due_text, $due_date, $measures, $evidence, $source)
RETURNING action_id
