-- The stored episodes (child and start date) a checked cohort file imports again: removed before
-- write/cohort/upsert_cohort adds the file's rows, so that re-importing an episode updates it.
-- params: $checked
DELETE FROM cohort WHERE (child_id, start_date) IN (SELECT child_id, start_date FROM read_parquet($checked))
