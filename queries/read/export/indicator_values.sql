-- indicator_values.csv: every value of every indicator, for each service and for the published national and regional figures.
-- params: $demo
-- column area: the service, or a reference geography (England and Wales, England, Wales, a region)
-- column is_reference: true for a published national or regional figure
-- column is_demo: true for an invented demo area's value
-- column indicator_code: the indicator (indicators.csv)
-- column period: the period as the indicator counts it: 2023, 2023-24, 2023-Q2 or 2024-03
-- column period_end: the last day of the period
-- column value: the value, at full precision, in the indicator's unit
-- column numerator: the numerator, where published
-- column denominator: the denominator, where published
-- column source: the document the row was read from (title, date, section)
SELECT v.area, v.is_reference, coalesce(a.is_demo, false) AS is_demo, v.indicator_code, v.period, v.period_end,
       v.value, v.numerator, v.denominator, readable_source(v.source) AS source
FROM indicator_values AS v
LEFT JOIN areas AS a ON a.name = v.area
WHERE v.is_reference OR NOT a.is_demo OR $demo
ORDER BY coalesce(a.is_demo, false), v.indicator_code, v.area, v.period_end
