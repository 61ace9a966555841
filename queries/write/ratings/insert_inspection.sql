-- params: $area, $published, $fieldwork_start, $framework, $overall_rating, $score, $source
INSERT INTO inspections (area, published, fieldwork_start, framework, overall_rating, score, source)
VALUES ($area, $published, $fieldwork_start, $framework, $overall_rating, $score, $source)
RETURNING inspection_id
