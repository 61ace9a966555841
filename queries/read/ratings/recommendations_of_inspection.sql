-- One inspection's recommendations with the latest progress reported on each (and its BRAG, where given).
-- params: $inspection_id
WITH latest_update AS (
    SELECT inspection_id, number, update_date, narrative, brag, source
    FROM recommendation_updates
    WHERE inspection_id = $inspection_id
    QUALIFY row_number() OVER (PARTITION BY number ORDER BY update_date DESC) = 1
)
SELECT
    r.number, coalesce(r.addressee, 'Not stated') AS addressee, r.text, readable_source(r.source) AS source,
    u.update_date, u.narrative AS latest_progress, u.brag AS progress_brag, readable_source(u.source) AS progress_source
FROM recommendations AS r
LEFT JOIN latest_update AS u USING (inspection_id, number)
WHERE r.inspection_id = $inspection_id
ORDER BY r.number
