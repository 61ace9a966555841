-- Add or replace many indicator values at once (one statement: thousands of rows in milliseconds).
-- `$rows` is a list of structs with the table's columns.
-- params: $rows
INSERT OR REPLACE INTO indicator_values
    (area, indicator_code, period, period_end, value, numerator, denominator, is_reference, source)
SELECT
    r.area, r.indicator_code, r.period, r.period_end::DATE, r.value::DOUBLE, r.numerator::DOUBLE,
    r.denominator::DOUBLE, r.is_reference, r.source
FROM (SELECT unnest($rows) AS r)
