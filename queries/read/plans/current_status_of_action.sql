-- An action's latest status update (two on one day: the later written).
-- params: $action_id
SELECT brag, status_text, read_from, note
FROM action_status_updates
WHERE action_id = $action_id
ORDER BY update_date DESC, recorded_at DESC NULLS LAST
LIMIT 1
