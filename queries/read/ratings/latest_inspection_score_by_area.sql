-- Each area's latest inspection score out of 36 (2018 and 2021 frameworks), for the scatter.
-- params: $demo
SELECT area, region, score, overall_rating, inspection_date, source
FROM latest_inspections
WHERE is_demo = $demo AND score IS NOT NULL
