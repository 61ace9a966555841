-- population.csv: each area's population aged 10 to 17 by ethnic group, sex and age (counts of residents, not of children the service works with).
-- params: $demo
-- column area: the youth justice service's area
-- column year: the year of the figure
-- column ethnicity: White, Black, Asian, Mixed, Other, or a published aggregate
-- column sex: Female, Male or All
-- column age_band: 10-13, 14-15, 16-17 or 10-17
-- column count: the number of residents, where published
-- column share: the share of the area's 10-17 population, where only a share is published
-- column source: the document the row was read from (title, date, section)
SELECT p.area, p.year, p.ethnicity, p.sex, p.age_band, p.count, p.share, readable_source(p.source) AS source
FROM population AS p
JOIN areas AS a ON a.name = p.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, p.area, p.year, p.ethnicity, p.sex, p.age_band
