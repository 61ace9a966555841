-- Add or replace the validated rows (incoming, each with a freshly drawn record key), keeping the
-- record key of an episode already stored: a key is drawn once and never again, so its cells keep
-- their figures (the cell key method). Then refresh the labelled copy the pages read.
-- params:
INSERT OR REPLACE INTO cohort BY NAME
SELECT i.* REPLACE (coalesce(c.record_key, i.record_key) AS record_key)
FROM incoming AS i
LEFT JOIN cohort AS c USING (child_id, start_date);
DELETE FROM cohort_facts;
INSERT INTO cohort_facts SELECT * FROM cohort_labelled ORDER BY area, start_date;
