-- Add or replace the rows of a checked cohort file (write/cohort/keep_checked_cohort, every row clean);
-- write/cohort/refresh_cohort_facts then refreshes the labelled copy the pages read.
-- params: $checked
INSERT OR REPLACE INTO cohort BY NAME SELECT * EXCLUDE (line, clean) FROM read_parquet($checked)
