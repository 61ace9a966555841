-- The indicator catalogue, for resolving codes and names in an import.
-- params:
SELECT code, name, unit, period_type FROM indicators
