-- recommendation_updates.csv: services' own reports of progress against the recommendations.
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service
-- column number: the recommendation's number in the report
-- column update_date: the date of the progress report
-- column narrative: the progress as reported
-- column brag: Blue, Green, Amber or Red where the report gives one
-- column source: the document the row was read from (title, date, section)
SELECT u.inspection_id, i.area, u.number, u.update_date, u.narrative, u.brag, readable_source(u.source) AS source
FROM recommendation_updates AS u
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, u.inspection_id, u.number, u.update_date
