-- DuckDB draws its own progress bar on the terminal for a long query; an import shows its own progress.
-- params:
SET enable_progress_bar = false
