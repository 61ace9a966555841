-- params: $inspection_id, $code, $name, $rating, $source
INSERT OR REPLACE INTO standard_ratings (inspection_id, code, name, rating, source)
VALUES ($inspection_id, $code, $name, $rating, $source)
