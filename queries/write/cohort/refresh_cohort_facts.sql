-- Rebuild the materialised, labelled cohort after the cohort table changed, and the cells counted from it
-- per area and year (data/views.sql).
-- params:
DELETE FROM cohort_facts;
INSERT INTO cohort_facts SELECT * FROM cohort_labelled ORDER BY area, start_date;
DELETE FROM cohort_dimension_cells;
INSERT INTO cohort_dimension_cells FROM cohort_dimension_cells_now;
DELETE FROM cohort_stage_cells;
INSERT INTO cohort_stage_cells FROM cohort_stage_cells_now;
DELETE FROM cohort_kpi_cells;
INSERT INTO cohort_kpi_cells FROM cohort_kpi_cells_now;
DELETE FROM cohort_area_year_cells;
INSERT INTO cohort_area_year_cells FROM cohort_area_year_cells_now;
