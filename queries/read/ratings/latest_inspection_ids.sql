-- The most recent inspection of each area: a new plan answers it.
-- params:
SELECT area, inspection_id FROM latest_inspections
