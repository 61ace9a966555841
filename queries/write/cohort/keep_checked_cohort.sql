-- A staged cohort file's rows as their parsed values (the macro parsed_cohort), kept as Parquet for the
-- problems (each row's in `problems`; `clean`: it has none), the check of repeated rows, the count of
-- changes and the upsert: the checks of every cell are joined onto the rows once.
-- params: $staged, $source, $court_disposals, $checked
COPY (
    SELECT
        line,
        len(problems) = 0 AS clean,
        child_id, area, age_at_start, sex, ethnicity, disposal_type, disposal, offence_category, start_date, end_date,
        care_status, send, ete_status_at_end, substance_misuse, mental_health, risk_of_serious_harm,
        safety_and_wellbeing, reoffended_12m, suitable_accommodation_at_end, send_formal_plan, mental_health_support,
        substance_misuse_support, completed, source,
        problems
    FROM parsed_cohort($staged, $source, $court_disposals)
) TO $checked (FORMAT parquet, ROW_GROUP_SIZE 16384)
