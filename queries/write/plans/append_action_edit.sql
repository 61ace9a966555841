-- Add one change to an action's history.
-- params: $action_id, $edited_at, $edited_by, $field, $old_value, $new_value, $reason, $source
INSERT INTO action_edits (action_id, edited_at, edited_by, field, old_value, new_value, reason, source)
VALUES ($action_id, $edited_at, $edited_by, $field, $old_value, $new_value, $reason, $source)
