-- The record keys of the stored episodes a checked cohort file imports again, kept before
-- write/cohort/remove_reimported_cohort_rows takes the episodes out: a key is drawn once and never
-- again, so its cells keep their figures (the cell key method).
-- params: $checked
CREATE OR REPLACE TEMP TABLE kept_record_keys AS
SELECT child_id, start_date, record_key
FROM cohort
WHERE (child_id, start_date) IN (SELECT child_id, start_date FROM read_parquet($checked))
