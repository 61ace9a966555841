-- Every improvement action with its current status, for matching imported rows.
-- params:
SELECT action_id, plan, ref, theme, recommendations, action, finding, lead, board_sponsor, start_text,
       start_date, due_text, due_date, measures, evidence, brag, status_text
FROM action_current_status
