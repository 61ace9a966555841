-- Population rows already stored, keyed as an import matches them.
-- params:
SELECT area, year, ethnicity, sex, age_band, count, share, source FROM population
