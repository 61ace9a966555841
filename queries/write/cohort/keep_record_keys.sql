-- Each line of a checked cohort file with its record key (the cell key method's): the key its episode
-- (child and start date) already has when the file imports it again, since a key is drawn once and never
-- again so that its cells keep their figures; for a new episode, the key drawn for its line
-- (`new_record_keys` (line, record_key), registered from yjs.domain.disclosure.new_record_keys).
-- Taken before write/cohort/remove_reimported_cohort_rows takes the stored episodes out, and joined
-- by line alone in write/cohort/upsert_cohort: a million re-imported episodes fit the import's memory.
-- params: $checked
CREATE OR REPLACE TEMP TABLE incoming_record_keys AS
SELECT checked.line, coalesce(stored.record_key, drawn.record_key) AS record_key
FROM (SELECT line, child_id, start_date FROM read_parquet($checked)) AS checked
JOIN new_record_keys AS drawn USING (line)
LEFT JOIN cohort AS stored USING (child_id, start_date)
