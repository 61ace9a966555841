-- case_samples.csv: how many cases inspectors looked at in each domain of an inspection.
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service inspected
-- column domain: 2 court disposals, 3 out-of-court disposals, 4 resettlement
-- column cases_inspected: the cases in the sample
-- column note: the report's own words, where they qualify the number
-- column source: the document the row was read from (title, date, section)
SELECT c.inspection_id, i.area, c.domain, c.cases_inspected, c.note, readable_source(c.source) AS source
FROM case_samples AS c
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, c.inspection_id, c.domain
