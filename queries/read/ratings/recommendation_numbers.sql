-- The numbers of every inspection's recommendations, for checking imported progress against them.
-- params:
SELECT inspection_id, number FROM recommendations
