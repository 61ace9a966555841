-- The current due date (its earlier values stay in action_edits; due_text keeps the plan's words).
-- params: $action_id, $due_date
UPDATE improvement_actions SET due_date = $due_date WHERE action_id = $action_id
