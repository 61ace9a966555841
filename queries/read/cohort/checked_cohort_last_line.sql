-- The last line of a checked cohort file (write/cohort/keep_checked_cohort): record keys are drawn for
-- every line up to it.
-- params: $checked
SELECT max(line) FROM read_parquet($checked)
