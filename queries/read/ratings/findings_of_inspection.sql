-- One inspection's published findings (strengths, areas for improvement, key findings).
-- params: $inspection_id
SELECT kind, number, text, readable_source(source) AS source
FROM findings
WHERE inspection_id = $inspection_id
ORDER BY kind, number
