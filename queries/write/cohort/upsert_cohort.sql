-- Add the rows of a checked cohort file (write/cohort/keep_checked_cohort, every row clean), after
-- write/cohort/remove_reimported_cohort_rows took out the episodes they replace; write/cohort/refresh_cohort_facts
-- then refreshes the labelled copy the pages read. (INSERT OR REPLACE took four times as long.)
-- params: $checked
INSERT INTO cohort BY NAME SELECT * EXCLUDE (line, clean, problems) FROM read_parquet($checked)
