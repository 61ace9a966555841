-- areas.csv: every youth justice service of England and Wales (and the invented demo areas, when shown).
-- params: $demo
-- column area: the service's name, as HMIP and the YJB write it (a youth justice service is not a council)
-- column region: one of the nine English regions, or Wales
-- column country: England or Wales
-- column local_authorities: the councils the service serves, separated by "; "
-- column population_10_17: children aged 10 to 17 living in the area, where known
-- column population_year: the year of that population figure
-- column aliases: other names the service is known by, separated by "; "
-- column is_demo: true for an invented demo area (never a real service)
-- column source: the document the row was read from (title, date, section)
SELECT name AS area, region, country, array_to_string(local_authorities, '; ') AS local_authorities,
       population_10_17, population_year, array_to_string(aliases, '; ') AS aliases, is_demo,
       readable_source(source) AS source
FROM areas
WHERE NOT is_demo OR $demo
ORDER BY is_demo, name
