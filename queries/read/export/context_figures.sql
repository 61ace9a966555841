-- context_figures.csv: facts the documents give about a service: caseloads, demographics, staffing, funding.
-- params: $demo
-- column area: the youth justice service
-- column topic: what the figure is about
-- column measure: the figure's name as the document gives it
-- column value: the figure
-- column unit: its unit
-- column qualifier: over (a lower bound) or under (an upper bound), as the document words it
-- column numerator: a share's published count ("three of five"), kept with it
-- column denominator: the count it is a share of
-- column as_at: the date or period the figure describes
-- column note: the document's own words
-- column source: the document the row was read from (title, date, section)
SELECT c.area, c.topic, c.measure, c.value, c.unit, c.qualifier, c.numerator, c.denominator, c.as_at, c.note,
       readable_source(c.source) AS source
FROM context_figures AS c
JOIN areas AS a ON a.name = c.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, c.area, c.topic, c.measure
