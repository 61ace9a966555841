-- params:
SELECT * FROM audit_log ORDER BY seq
