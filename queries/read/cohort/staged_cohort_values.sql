-- Each column's distinct cell values in a staged cohort file (yjs/importers/staging.py), for their parsers.
-- A blank cell and a missing one are both ''. A child_id already in the pseudonym's form is its own value and needs no parsing: all but a few are.
-- params: $staged
WITH staged AS (SELECT * FROM read_parquet($staged))
SELECT DISTINCT 'child_id' AS column_name, coalesce(child_id, '') AS raw FROM staged WHERE NOT (regexp_full_match(coalesce(child_id, ''), '[A-Za-z0-9_-]{3,40}') AND regexp_matches(child_id, '[0-9]'))
UNION ALL SELECT DISTINCT 'area' AS column_name, coalesce(area, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'age_at_start' AS column_name, coalesce(age_at_start, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'sex' AS column_name, coalesce(sex, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'ethnicity' AS column_name, coalesce(ethnicity, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'disposal_type' AS column_name, coalesce(disposal_type, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'disposal' AS column_name, coalesce(disposal, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'offence_category' AS column_name, coalesce(offence_category, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'start_date' AS column_name, coalesce(start_date, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'end_date' AS column_name, coalesce(end_date, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'care_status' AS column_name, coalesce(care_status, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'send' AS column_name, coalesce(send, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'ete_status_at_end' AS column_name, coalesce(ete_status_at_end, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'substance_misuse' AS column_name, coalesce(substance_misuse, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'mental_health' AS column_name, coalesce(mental_health, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'risk_of_serious_harm' AS column_name, coalesce(risk_of_serious_harm, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'safety_and_wellbeing' AS column_name, coalesce(safety_and_wellbeing, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'reoffended_12m' AS column_name, coalesce(reoffended_12m, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'suitable_accommodation_at_end' AS column_name, coalesce(suitable_accommodation_at_end, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'send_formal_plan' AS column_name, coalesce(send_formal_plan, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'mental_health_support' AS column_name, coalesce(mental_health_support, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'substance_misuse_support' AS column_name, coalesce(substance_misuse_support, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'completed' AS column_name, coalesce(completed, '') AS raw FROM staged
UNION ALL SELECT DISTINCT 'source' AS column_name, coalesce(source, '') AS raw FROM staged
