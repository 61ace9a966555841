-- The names and polarities of the key performance indicators (reference data, cached per file version).
-- params:
SELECT code, name, polarity
FROM indicators
WHERE starts_with(code, 'kpi_')
