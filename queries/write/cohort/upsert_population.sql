-- params: $area, $year, $ethnicity, $sex, $age_band, $count, $share, $source
INSERT OR REPLACE INTO population (area, year, ethnicity, sex, age_band, count, share, source)
VALUES ($area, $year, $ethnicity, $sex, $age_band, $count, $share, $source)
