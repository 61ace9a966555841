-- The latest change that succeeded (an import, an edit or a restore), from the audit trail.
-- params:
SELECT at_utc, event, subject, file_name
FROM audit_log
WHERE outcome = 'succeeded'
ORDER BY seq DESC
LIMIT 1
