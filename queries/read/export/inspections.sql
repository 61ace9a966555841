-- inspections.csv: every HMIP inspection held, with its overall rating and score out of 36.
-- params: $demo
-- column inspection_id: the inspection's number in this database (the key of the other inspection files)
-- column area: the youth justice service inspected
-- column region: its region
-- column is_demo: true for an invented demo inspection
-- column published: the month the report was published
-- column fieldwork_start: the month fieldwork began, where known
-- column framework: HMIP's framework: 2018, 2021 or 2025 (the 2025 framework has no score out of 36)
-- column overall_rating: Outstanding, Good, Requires improvement or Inadequate
-- column score: out of 36: computed from the twelve standards' ratings where all are known, else as published
-- column published_rating: the overall rating as the report gives it (blank where it gives none)
-- column published_score: the score as the report gives it (blank where it gives none)
-- column standards_rated: how many of the twelve scored standards have a known rating
-- column source: the document the row was read from (title, date, section)
SELECT inspection_id, area, region, is_demo, published, fieldwork_start, framework, overall_rating, score,
       published_rating, published_score, standards_rated, source
FROM inspection_summary
WHERE NOT is_demo OR $demo
ORDER BY is_demo, area, inspection_date
