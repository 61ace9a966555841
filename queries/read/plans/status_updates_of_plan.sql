-- Every dated status update of one plan's actions (append-only).
-- params: $plan
SELECT u.action_id, u.update_date, u.recorded_at, u.brag, u.status_text, u.read_from, u.note, u.updated_by,
       readable_source(u.source) AS source
FROM action_status_updates AS u
JOIN improvement_actions AS a USING (action_id)
WHERE a.plan = $plan
ORDER BY u.action_id, u.update_date, u.recorded_at NULLS FIRST
