-- Column mappings saved under a name for one import kind: each heading and its field (NULL: left out).
-- params: $kind
SELECT name, heading, field, saved_by, saved_at
FROM column_mappings
WHERE kind = $kind
ORDER BY name, heading
