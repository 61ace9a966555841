-- Seed files name an inspection by area and fieldwork month.
-- params:
SELECT inspection_id, area, strftime(fieldwork_start, '%Y-%m') AS fieldwork_month
FROM inspections
WHERE fieldwork_start IS NOT NULL
