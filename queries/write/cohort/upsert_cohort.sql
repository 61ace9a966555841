-- Add or replace the validated rows (incoming), then refresh the labelled copy the pages read.
-- params:
INSERT OR REPLACE INTO cohort BY NAME SELECT * FROM incoming;
DELETE FROM cohort_facts;
INSERT INTO cohort_facts SELECT * FROM cohort_labelled ORDER BY area, start_date;
