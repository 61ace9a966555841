-- The indicator catalogue, with how many values each has: long-standing measures first, then the KPIs.
-- params:
WITH counted AS (
    SELECT i.code, i.name, i.definition, i.unit, i.polarity, i.period_type, i.numerator_label,
           i.denominator_label, i.source, count(v.value) AS values_held
    FROM indicators AS i
    LEFT JOIN indicator_values AS v ON v.indicator_code = i.code
    GROUP BY ALL
)
SELECT * FROM counted
ORDER BY list_position(['fte_rate', 'reoffending_rate', 'reoffences_per_reoffender', 'custody_rate'], code) NULLS LAST, code
