-- Add a dated status update (a status change or a progress note).
-- params: $action_id, $update_date, $recorded_at, $brag, $status_text, $read_from, $note, $updated_by, $source
INSERT INTO action_status_updates (action_id, update_date, recorded_at, brag, status_text, read_from, note, updated_by, source)
VALUES ($action_id, $update_date, $recorded_at, $brag, $status_text, $read_from, $note, $updated_by, $source)
