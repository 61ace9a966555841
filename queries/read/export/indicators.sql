-- indicators.csv: the indicator catalogue: what each indicator measures, and how.
-- params:
-- column code: the indicator's code (the key of indicator_values.csv)
-- column name: its name
-- column definition: what it counts
-- column unit: rate per 100,000, rate per 10,000, rate per 1,000, %, count, ratio or £
-- column polarity: higher is better, lower is better, or neither
-- column period_type: calendar year, financial year, quarter or rolling 12 months
-- column numerator_label: what the numerator counts
-- column denominator_label: what the denominator counts
-- column source: where the definition comes from
-- column is_local: true for an indicator a user defined on this database, not a national measure
SELECT code, name, definition, unit, polarity, period_type, numerator_label, denominator_label, source, is_local
FROM indicators
ORDER BY is_local, code
