-- The indicator catalogue, with how many values each holds: long-standing measures first, then the KPIs,
-- then the indicators users defined themselves (local, with their own source).
-- params:
WITH counted AS (
    SELECT i.code, i.name, i.definition, i.unit, i.polarity, i.period_type, i.numerator_label,
           i.denominator_label, i.source, i.is_local, count(v.indicator_code) AS values_held
    FROM indicators AS i
    LEFT JOIN indicator_values AS v ON v.indicator_code = i.code
    GROUP BY ALL
)
SELECT * FROM counted
ORDER BY is_local,
         list_position(['fte_rate', 'reoffending_rate', 'reoffences_per_reoffender', 'custody_rate'], code) NULLS LAST,
         code
