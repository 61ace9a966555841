-- A finding of an inspection report, by its number in the report.
-- params: $inspection_id, $number, $kind, $text, $source
INSERT INTO findings (inspection_id, number, kind, text, source)
VALUES ($inspection_id, $number, $kind, $text, $source)
ON CONFLICT (inspection_id, number) DO UPDATE SET kind = excluded.kind, text = excluded.text, source = excluded.source
