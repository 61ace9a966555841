-- Every import that succeeded, newest first: when, who, what kind of file, and the rows it changed (the audit
-- trail's public part: no checksum, role, problems or detail).
-- params:
SELECT at_utc, actor, subject AS kind, file_name, rows_added, rows_updated, rows_unchanged
FROM audit_log
WHERE event = 'import' AND outcome = 'succeeded'
ORDER BY seq DESC
