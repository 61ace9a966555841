-- Children per value of every dimension under all the filters, in one pass (GROUPING SETS).
-- Right for each dimension that has no selection of its own; see facet_one.sql for the others.
-- params: $cohort
WITH counted AS (
    SELECT age_band, sex, ethnicity, disposal_type, disposal, offence_category, care_status, send, ete_status_at_end, substance_misuse, mental_health, risk_of_serious_harm, safety_and_wellbeing, reoffending, count(*) AS children
    FROM filtered_cohort($cohort)
    GROUP BY GROUPING SETS ((age_band), (sex), (ethnicity), (disposal_type), (disposal), (offence_category), (care_status), (send), (ete_status_at_end), (substance_misuse), (mental_health), (risk_of_serious_harm), (safety_and_wellbeing), (reoffending))
)
SELECT dimension, value::VARCHAR AS value, children
FROM (
    SELECT age_band::VARCHAR AS age_band, sex::VARCHAR AS sex, ethnicity::VARCHAR AS ethnicity, disposal_type::VARCHAR AS disposal_type, disposal::VARCHAR AS disposal, offence_category::VARCHAR AS offence_category, care_status::VARCHAR AS care_status, send::VARCHAR AS send, ete_status_at_end::VARCHAR AS ete_status_at_end, substance_misuse::VARCHAR AS substance_misuse, mental_health::VARCHAR AS mental_health, risk_of_serious_harm::VARCHAR AS risk_of_serious_harm, safety_and_wellbeing::VARCHAR AS safety_and_wellbeing, reoffending::VARCHAR AS reoffending, children FROM counted
)
UNPIVOT (value FOR dimension IN (age_band, sex, ethnicity, disposal_type, disposal, offence_category, care_status, send, ete_status_at_end, substance_misuse, mental_health, risk_of_serious_harm, safety_and_wellbeing, reoffending))
