-- Add a user-defined (local) indicator, or update its definition.
-- params: $code, $name, $definition, $unit, $polarity, $period_type, $numerator_label, $denominator_label, $source
INSERT INTO indicators (code, name, definition, unit, polarity, period_type, numerator_label, denominator_label,
                        source, is_local)
VALUES ($code, $name, $definition, $unit, $polarity, $period_type, $numerator_label, $denominator_label, $source, true)
ON CONFLICT (code) DO UPDATE SET
    name = excluded.name, definition = excluded.definition, unit = excluded.unit, polarity = excluded.polarity,
    period_type = excluded.period_type, numerator_label = excluded.numerator_label,
    denominator_label = excluded.denominator_label, source = excluded.source, is_local = true
