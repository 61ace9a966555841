-- Keep the pages' copy of the inspection summary (data/views.sql) equal to what it computes: run by the
-- build and before every write commits, so no write can leave it behind.
-- params:
DELETE FROM inspection_summary;
INSERT INTO inspection_summary SELECT * FROM inspection_summary_computed;
