-- Where DuckDB spills what does not fit under its memory limit (the import's own temporary folder).
-- params: $spill_directory
SET temp_directory = $spill_directory
