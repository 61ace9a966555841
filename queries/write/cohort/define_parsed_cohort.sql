-- A staged cohort file's rows (yjs/importers/staging.py) with their values parsed and their problems.
-- Each column's distinct values went through the Python cell parsers once (the temporary table
-- checked_values: raw text -> value as text, problems); here they are joined back onto every line, with
-- the rules across columns (a disposal of the other type, an end before the start). A table macro, so
-- that the problems and the checked rows are each read from it in one streaming pass, never held whole.
-- params:
CREATE OR REPLACE TEMP MACRO parsed_cohort(staged, default_source, court_disposals) AS TABLE
WITH parsed AS (
    SELECT
        staged.line,
        CASE WHEN child_id.raw IS NULL THEN staged.child_id ELSE child_id.value END AS child_id,
        area.value AS area,
        age_at_start.value::TINYINT AS age_at_start,
        sex.value AS sex,
        ethnicity.value AS ethnicity,
        disposal_type.value AS disposal_type,
        disposal.value AS disposal,
        offence_category.value AS offence_category,
        start_date.value::DATE AS start_date,
        end_date.value::DATE AS end_date,
        care_status.value AS care_status,
        send.value::BOOLEAN AS send,
        ete_status_at_end.value AS ete_status_at_end,
        substance_misuse.value::BOOLEAN AS substance_misuse,
        mental_health.value::BOOLEAN AS mental_health,
        risk_of_serious_harm.value AS risk_of_serious_harm,
        safety_and_wellbeing.value AS safety_and_wellbeing,
        reoffended_12m.value::BOOLEAN AS reoffended_12m,
        suitable_accommodation_at_end.value::BOOLEAN AS suitable_accommodation_at_end,
        send_formal_plan.value::BOOLEAN AS send_formal_plan,
        mental_health_support.value::BOOLEAN AS mental_health_support,
        substance_misuse_support.value::BOOLEAN AS substance_misuse_support,
        completed.value::BOOLEAN AS completed,
        coalesce(source.value, default_source) AS source,
        flatten([child_id.problems, area.problems, age_at_start.problems, sex.problems, ethnicity.problems,
            disposal_type.problems, disposal.problems, offence_category.problems, start_date.problems,
            end_date.problems, care_status.problems, send.problems, ete_status_at_end.problems,
            substance_misuse.problems, mental_health.problems, risk_of_serious_harm.problems,
            safety_and_wellbeing.problems, reoffended_12m.problems, suitable_accommodation_at_end.problems,
            send_formal_plan.problems, mental_health_support.problems, substance_misuse_support.problems,
            completed.problems, source.problems]) AS cell_problems
    FROM read_parquet(staged) AS staged
    LEFT JOIN (FROM checked_values WHERE column_name = 'child_id') AS child_id
        ON child_id.raw = coalesce(staged.child_id, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'area') AS area
        ON area.raw = coalesce(staged.area, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'age_at_start') AS age_at_start
        ON age_at_start.raw = coalesce(staged.age_at_start, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'sex') AS sex
        ON sex.raw = coalesce(staged.sex, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'ethnicity') AS ethnicity
        ON ethnicity.raw = coalesce(staged.ethnicity, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'disposal_type') AS disposal_type
        ON disposal_type.raw = coalesce(staged.disposal_type, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'disposal') AS disposal
        ON disposal.raw = coalesce(staged.disposal, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'offence_category') AS offence_category
        ON offence_category.raw = coalesce(staged.offence_category, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'start_date') AS start_date
        ON start_date.raw = coalesce(staged.start_date, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'end_date') AS end_date
        ON end_date.raw = coalesce(staged.end_date, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'care_status') AS care_status
        ON care_status.raw = coalesce(staged.care_status, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'send') AS send
        ON send.raw = coalesce(staged.send, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'ete_status_at_end') AS ete_status_at_end
        ON ete_status_at_end.raw = coalesce(staged.ete_status_at_end, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'substance_misuse') AS substance_misuse
        ON substance_misuse.raw = coalesce(staged.substance_misuse, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'mental_health') AS mental_health
        ON mental_health.raw = coalesce(staged.mental_health, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'risk_of_serious_harm') AS risk_of_serious_harm
        ON risk_of_serious_harm.raw = coalesce(staged.risk_of_serious_harm, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'safety_and_wellbeing') AS safety_and_wellbeing
        ON safety_and_wellbeing.raw = coalesce(staged.safety_and_wellbeing, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'reoffended_12m') AS reoffended_12m
        ON reoffended_12m.raw = coalesce(staged.reoffended_12m, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'suitable_accommodation_at_end') AS suitable_accommodation_at_end
        ON suitable_accommodation_at_end.raw = coalesce(staged.suitable_accommodation_at_end, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'send_formal_plan') AS send_formal_plan
        ON send_formal_plan.raw = coalesce(staged.send_formal_plan, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'mental_health_support') AS mental_health_support
        ON mental_health_support.raw = coalesce(staged.mental_health_support, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'substance_misuse_support') AS substance_misuse_support
        ON substance_misuse_support.raw = coalesce(staged.substance_misuse_support, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'completed') AS completed
        ON completed.raw = coalesce(staged.completed, '')
    LEFT JOIN (FROM checked_values WHERE column_name = 'source') AS source
        ON source.raw = coalesce(staged.source, '')
),
crossed AS (
    SELECT
        *,
        CASE WHEN disposal IS NOT NULL AND disposal_type IS NOT NULL
              AND list_contains(court_disposals, disposal) <> (disposal_type = 'Court')
             THEN [{'column_name': 'disposal',
                    'reason': '''' || disposal || ''' is not a ' || lower(disposal_type) || ' disposal'}]
             ELSE [] END
        || CASE WHEN end_date < start_date
             THEN [{'column_name': 'end_date', 'reason': strftime(end_date, '%Y-%m-%d') || ' is before the start date'}]
             ELSE [] END AS row_problems
    FROM parsed
)
SELECT * EXCLUDE (cell_problems, row_problems), cell_problems || row_problems AS problems
FROM crossed
