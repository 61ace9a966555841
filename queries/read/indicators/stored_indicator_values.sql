-- Stored indicator values, keyed as an import matches them.
-- params:
SELECT area, indicator_code, period, value, numerator, denominator FROM indicator_values
