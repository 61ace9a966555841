-- The first $rows cohort rows as a CSV in the import's columns, each child given a new id (prefix
-- 'new-'), so that importing the file adds every row: a case-management extract as the benchmark
-- imports it (yjs/perf/imports.py). Ordered, so the same database always gives the same file.
-- params: $rows, $csv
COPY (
    SELECT
        'new-' || child_id AS child_id, area, age_at_start, sex, ethnicity, disposal_type, disposal,
        offence_category, start_date, end_date, care_status,
        send, ete_status_at_end, substance_misuse, mental_health,
        risk_of_serious_harm, safety_and_wellbeing, reoffended_12m, suitable_accommodation_at_end,
        send_formal_plan, mental_health_support, substance_misuse_support, completed
    FROM cohort
    ORDER BY child_id, start_date
    LIMIT $rows
) TO $csv (HEADER, DELIMITER ',')
