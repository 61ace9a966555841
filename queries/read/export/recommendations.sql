-- recommendations.csv: each inspection's recommendations, with whom they are addressed to.
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service inspected
-- column number: the recommendation's number in the report
-- column addressee: the person or body it is addressed to (the service, its board, a partner)
-- column text: the recommendation as the report words it
-- column source: the document the row was read from (title, date, section)
SELECT r.inspection_id, i.area, r.number, r.addressee, r.text, readable_source(r.source) AS source
FROM recommendations AS r
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, r.inspection_id, r.number
