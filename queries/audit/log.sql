-- params: $events, $outcomes
-- The audit trail, newest first; empty lists mean every event and every outcome.
SELECT *
FROM audit_log
WHERE (len($events) = 0 OR list_contains($events, event))
  AND (len($outcomes) = 0 OR list_contains($outcomes, outcome))
ORDER BY seq DESC
