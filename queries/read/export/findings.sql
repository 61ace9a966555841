-- findings.csv: an inspection report's strengths, areas for improvement and key findings.
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service inspected
-- column number: its place in the report, numbered through the report across kinds
-- column kind: strength, area for improvement or key finding
-- column text: the finding as the report words it
-- column source: the document the row was read from (title, date, section)
SELECT f.inspection_id, i.area, f.number, f.kind, f.text, readable_source(f.source) AS source
FROM findings AS f
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, f.inspection_id, f.number
