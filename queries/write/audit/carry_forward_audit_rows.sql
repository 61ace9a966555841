-- params:
-- On a restore: the audit rows of the replaced file that the backup does not have yet (the backup's
-- trail is a prefix of the live one), so restoring old data never loses the record of what happened.
INSERT INTO audit_log
SELECT * FROM replaced_audit_log
WHERE seq > (SELECT coalesce(max(seq), 0) FROM audit_log)
ORDER BY seq
