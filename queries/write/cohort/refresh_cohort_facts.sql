-- Rebuild the materialised, labelled cohort after the cohort table changed: replaced whole rather than
-- emptied row by row, which at a million rows held every deleted row in the import's memory.
-- params:
CREATE OR REPLACE TABLE cohort_facts AS SELECT * FROM cohort_labelled ORDER BY area, start_date;
