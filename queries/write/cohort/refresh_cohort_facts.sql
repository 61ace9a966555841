-- Rebuild the materialised, labelled cohort after the cohort table changed.
-- params:
DELETE FROM cohort_facts;
INSERT INTO cohort_facts SELECT * FROM cohort_labelled ORDER BY area, start_date;
