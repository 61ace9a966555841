-- Every improvement action with its current status and latest progress commentary, for matching imported rows.
-- params:
WITH latest_progress AS (
    SELECT action_id, note AS progress
    FROM action_status_updates
    WHERE nullif(trim(note), '') IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY action_id ORDER BY update_date DESC, recorded_at DESC NULLS LAST) = 1
)
SELECT a.action_id, a.plan, a.ref, a.theme, a.recommendations, a.action, a.finding, a.lead, a.agency,
       a.board_sponsor, a.start_text, a.start_date, a.due_text, a.due_date, a.measures, a.evidence, a.brag,
       a.status_text, a.read_from, p.progress
FROM action_current_status AS a
LEFT JOIN latest_progress AS p USING (action_id)
