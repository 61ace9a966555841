-- Rebuild the materialised, labelled cohort after the cohort table changed, and the cells counted from it
-- per area and year (data/views.sql): replaced whole rather than emptied row by row, which at a million
-- rows held every deleted row in the import's memory.
-- params:
CREATE OR REPLACE TABLE cohort_facts AS SELECT * FROM cohort_labelled ORDER BY area, start_date;
CREATE OR REPLACE TABLE cohort_dimension_cells AS FROM cohort_dimension_cells_now;
CREATE OR REPLACE TABLE cohort_stage_cells AS FROM cohort_stage_cells_now;
CREATE OR REPLACE TABLE cohort_kpi_cells AS FROM cohort_kpi_cells_now;
CREATE OR REPLACE TABLE cohort_area_year_cells AS FROM cohort_area_year_cells_now;
