-- The standards of one inspection's framework in HMIP's order, with the rating where one is known.
-- The name is the report's own where it gives one (3.4 was "Joint working" before 2021).
-- params: $inspection_id
WITH inspection AS (
    SELECT inspection_id, framework FROM inspections WHERE inspection_id = $inspection_id
),
final AS (
    SELECT
        s.code, s.domain, s.domain_name, coalesce(nullif(r.name, ''), s.name) AS name, s.is_scored,
        r.rating, readable_source(r.source) AS source
    FROM inspection AS i
    JOIN standards AS s ON s.framework = i.framework
    LEFT JOIN standard_ratings AS r ON r.inspection_id = i.inspection_id AND r.code = s.code
)
SELECT * FROM final
ORDER BY domain, code
