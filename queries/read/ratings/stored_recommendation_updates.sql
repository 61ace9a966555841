-- Stored progress on recommendations, keyed as an import matches them.
-- params:
SELECT inspection_id, number, update_date, narrative, brag FROM recommendation_updates
