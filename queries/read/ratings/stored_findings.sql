-- Stored findings, keyed as an import matches them.
-- params:
SELECT inspection_id, number, kind, text FROM findings
