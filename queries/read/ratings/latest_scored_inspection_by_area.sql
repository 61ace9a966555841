-- Each area's latest inspection scored out of 36 (2018 and 2021 frameworks, which rate the same
-- twelve standards), for one kind of area: real areas are never ranked among demo ones.
-- params: $demo
SELECT area, region, is_demo, framework, score, inspection_date, source
FROM inspection_summary
WHERE is_demo = $demo AND framework IN (2018, 2021) AND score IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1
ORDER BY score DESC, area
