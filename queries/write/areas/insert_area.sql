-- params: $name, $region, $country, $local_authorities, $population_10_17, $population_year, $aliases, $is_demo, $source
INSERT INTO areas (name, region, country, local_authorities, population_10_17, population_year, aliases, is_demo, source)
VALUES ($name, $region, $country, $local_authorities, $population_10_17, $population_year, $aliases, $is_demo, $source)
