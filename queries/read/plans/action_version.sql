-- An action's version (the number of changes in its history), its current editable values and its plan's area.
-- params: $action_id
SELECT a.action_id, a.due_date, a.evidence_link, p.area,
       (SELECT count(*) FROM action_edits AS e WHERE e.action_id = a.action_id) AS version,
       (SELECT max(edited_at) FROM action_edits AS e WHERE e.action_id = a.action_id) AS last_edited_at,
       (SELECT arg_max(edited_by, edit_id) FROM action_edits AS e WHERE e.action_id = a.action_id) AS last_edited_by
FROM improvement_actions AS a
JOIN improvement_plans AS p ON p.plan = a.plan
WHERE a.action_id = $action_id
