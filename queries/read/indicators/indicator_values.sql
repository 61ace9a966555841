-- Every value of the chosen indicators, for areas of one kind (real or demo) and the published
-- reference geographies, with each area's region for comparator sets.
-- params: $indicators, $demo
SELECT v.area, v.indicator_code, v.period, v.period_end, v.value, v.numerator, v.denominator, v.is_reference,
       a.region, a.country, coalesce(a.is_demo, false) AS is_demo, readable_source(v.source) AS source
FROM indicator_values AS v
LEFT JOIN areas AS a ON a.name = v.area
WHERE list_contains($indicators::VARCHAR[], v.indicator_code)
  AND (v.is_reference OR a.is_demo = $demo)
ORDER BY v.indicator_code, v.period_end, v.area
