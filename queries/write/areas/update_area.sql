-- params: $name, $region, $country, $local_authorities, $population_10_17, $population_year, $aliases, $source
UPDATE areas
SET region = $region, country = $country, local_authorities = $local_authorities,
    population_10_17 = $population_10_17, population_year = $population_year,
    aliases = $aliases, source = $source
WHERE name = $name
