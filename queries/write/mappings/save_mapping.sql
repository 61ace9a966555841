-- Save a column mapping under a name: one row per heading, its field or NULL (left out).
-- params: $name, $kind, $headings, $fields, $saved_by
INSERT INTO column_mappings (name, kind, heading, field, saved_by, saved_at)
SELECT $name, $kind, unnest($headings::VARCHAR[]), unnest($fields::VARCHAR[]), $saved_by, now()
