-- params: $area, $indicator_code, $period, $period_end, $value, $numerator, $denominator, $is_reference, $source
INSERT OR REPLACE INTO indicator_values
    (area, indicator_code, period, period_end, value, numerator, denominator, is_reference, source)
VALUES ($area, $indicator_code, $period, $period_end, $value, $numerator, $denominator, $is_reference, $source)
