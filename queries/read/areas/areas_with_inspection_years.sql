-- Every area with its region and demo flag, and the span of inspection years, for the shared filters.
-- params:
SELECT
    a.name AS area,
    a.region,
    a.is_demo,
    min(year(i.inspection_date)) AS first_year,
    max(year(i.inspection_date)) AS last_year
FROM areas AS a
LEFT JOIN inspection_summary AS i ON i.area = a.name
GROUP BY ALL
ORDER BY a.is_demo, a.name
