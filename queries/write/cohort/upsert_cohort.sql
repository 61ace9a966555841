-- Add the rows of a checked cohort file (write/cohort/keep_checked_cohort, every row clean), after
-- write/cohort/remove_reimported_cohort_rows took out the episodes they replace; write/cohort/refresh_cohort_facts
-- then refreshes the labelled copy the pages read. (INSERT OR REPLACE took four times as long.)
-- Each row's record key (the cell key method's) is the one its episode already had
-- (write/cohort/keep_record_keys, taken before the removal), or for a new episode a freshly drawn one:
-- `new_record_keys` (line, record_key), registered from yjs.domain.disclosure.new_record_keys.
-- params: $checked
INSERT INTO cohort BY NAME
SELECT
    checked.* EXCLUDE (line, clean, problems),
    coalesce(kept.record_key, drawn.record_key) AS record_key
FROM read_parquet($checked) AS checked
JOIN new_record_keys AS drawn USING (line)
LEFT JOIN kept_record_keys AS kept USING (child_id, start_date)
