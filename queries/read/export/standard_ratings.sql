-- standard_ratings.csv: each inspection's rating of each standard (1.1 to 3.4 scored; 4.1 resettlement never scored).
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service inspected
-- column code: the standard's code, 1.1 to 4.1
-- column name: the standard's name under the inspection's framework
-- column rating: Outstanding, Good, Requires improvement, Inadequate, or Not rated (4.1 with no cases)
-- column source: the document the row was read from (title, date, section)
SELECT r.inspection_id, i.area, r.code, r.name, r.rating, readable_source(r.source) AS source
FROM standard_ratings AS r
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, r.inspection_id, r.code
