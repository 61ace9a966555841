-- The current evidence link (its earlier values stay in action_edits).
-- params: $action_id, $evidence_link
UPDATE improvement_actions SET evidence_link = $evidence_link WHERE action_id = $action_id
