-- params: $inspection_id, $published, $fieldwork_start, $framework, $overall_rating, $score, $source
UPDATE inspections
SET published = $published, fieldwork_start = $fieldwork_start, framework = $framework,
    overall_rating = $overall_rating, score = $score, source = $source
WHERE inspection_id = $inspection_id
