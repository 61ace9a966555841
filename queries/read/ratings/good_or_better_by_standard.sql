-- For each standard, how many of the latest inspections in scope rated it, and how many rated it
-- Good or Outstanding. Latest inspection per area among those that rated standards at all.
-- params: $show_demo, $regions, $year_from, $year_to
WITH latest AS (
    SELECT inspection_id
    FROM inspection_summary
    WHERE is_visible(is_demo, region, $show_demo, $regions)
      AND year(inspection_date) BETWEEN $year_from AND $year_to
      AND standards_rated > 0
    QUALIFY row_number() OVER (PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1
),
names AS (
    SELECT code, name, is_scored FROM standards WHERE framework = 2021
),
final AS (
    SELECT
        r.code, n.name, n.is_scored,
        count(*) AS rated,
        count(*) FILTER (WHERE r.rating IN ('Good', 'Outstanding')) AS good_or_better
    FROM standard_ratings AS r
    JOIN latest USING (inspection_id)
    JOIN names AS n USING (code)
    WHERE r.rating <> 'Not rated'
    GROUP BY ALL
)
SELECT *, 100.0 * good_or_better / rated AS pct_good_or_better
FROM final
ORDER BY code
