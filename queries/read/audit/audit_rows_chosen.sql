-- params: $events, $outcomes
-- The audit trail, newest first; empty lists mean every event and every outcome.
SELECT *
FROM audit_log
WHERE (len($events::VARCHAR[]) = 0 OR list_contains($events::VARCHAR[], event))
  AND (len($outcomes::VARCHAR[]) = 0 OR list_contains($outcomes::VARCHAR[], outcome))
ORDER BY seq DESC
