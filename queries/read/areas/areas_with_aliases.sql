-- All areas with their aliases, for resolving the names people type.
-- params:
SELECT name, aliases, region, country, local_authorities, population_10_17, population_year, source
FROM areas
ORDER BY name
