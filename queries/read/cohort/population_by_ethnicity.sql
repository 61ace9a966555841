-- The 10-17 population by ethnic group over the chosen areas (with $by_area, per area), each area at its
-- latest year on record up to $year_to (or its earliest, if all are later). Published shares without
-- counts are left out.
-- params: $areas, $year_to, $by_area
WITH chosen_year AS (
    SELECT area, coalesce(max(year) FILTER (WHERE year <= $year_to), min(year)) AS year
    FROM population
    WHERE list_contains($areas::VARCHAR[], area) AND count IS NOT NULL
    GROUP BY area
)
SELECT CASE WHEN $by_area THEN p.area END AS area, p.ethnicity AS group_value, sum(p.count) AS population,
       min(p.year) AS first_year, max(p.year) AS last_year,
       string_agg(DISTINCT readable_source(p.source), '; ') AS source
FROM population AS p
JOIN chosen_year USING (area, year)
WHERE p.count IS NOT NULL
GROUP BY ALL
