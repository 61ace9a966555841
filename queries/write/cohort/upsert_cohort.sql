-- Add the rows of a checked cohort file (write/cohort/keep_checked_cohort, every row clean), after
-- write/cohort/remove_reimported_cohort_rows took out the episodes they replace; write/cohort/refresh_cohort_facts
-- then refreshes the labelled copy the pages read. (INSERT OR REPLACE took four times as long.)
-- Each row's record key is its line's in `incoming_record_keys` (write/cohort/keep_record_keys).
-- params: $checked
INSERT INTO cohort BY NAME
SELECT checked.* EXCLUDE (line, clean, problems), incoming.record_key
FROM read_parquet($checked) AS checked
JOIN incoming_record_keys AS incoming USING (line)
