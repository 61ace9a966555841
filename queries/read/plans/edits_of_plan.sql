-- The field-level change history of one plan's actions (append-only).
-- params: $plan
SELECT e.edit_id, e.action_id, a.ref, e.edited_at, e.edited_by, e.field, e.old_value, e.new_value, e.reason, readable_source(e.source) AS source
FROM action_edits AS e
JOIN improvement_actions AS a USING (action_id)
WHERE a.plan = $plan
ORDER BY e.edit_id
