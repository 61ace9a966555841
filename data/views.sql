-- Views over the tables in schema.sql. Plain names: users query these directly.

-- One row per inspection. `score` is computed from the standard ratings when all twelve are
-- known (else the published score); `overall_rating` is the published one, or the band of the
-- score when none was published.
CREATE VIEW inspection_summary AS
WITH scored_codes AS (
    SELECT DISTINCT code FROM standards WHERE is_scored
),
scored AS (
    SELECT r.inspection_id, count(*) AS standards_rated, sum(s.score) AS computed_score
    FROM standard_ratings AS r
    JOIN rating_scores AS s USING (rating)
    WHERE r.code IN (SELECT code FROM scored_codes)
    GROUP BY r.inspection_id
),
scores AS (
    SELECT
        i.*,
        coalesce(scored.standards_rated, 0) AS standards_rated,
        scored.computed_score,
        CASE WHEN scored.standards_rated = 12 THEN scored.computed_score ELSE i.score END AS final_score
    FROM inspections AS i
    LEFT JOIN scored USING (inspection_id)
),
final AS (
    SELECT
        s.inspection_id,
        s.area,
        a.region,
        a.country,
        a.is_demo,
        s.published,
        s.fieldwork_start,
        coalesce(s.published, s.fieldwork_start) AS inspection_date,
        s.framework,
        coalesce(s.overall_rating, b.rating) AS overall_rating,
        CAST(s.final_score AS INTEGER) AS score,
        s.overall_rating AS published_rating,
        s.score AS published_score,
        CAST(s.computed_score AS INTEGER) AS computed_score,
        s.standards_rated,
        s.source
    FROM scores AS s
    JOIN areas AS a ON a.name = s.area
    LEFT JOIN score_bands AS b ON s.final_score BETWEEN b.min_score AND b.max_score
)
SELECT * FROM final;

-- The most recent inspection of each area.
CREATE VIEW latest_inspections AS
SELECT *
FROM inspection_summary
QUALIFY row_number() OVER (PARTITION BY area ORDER BY inspection_date DESC, inspection_id DESC) = 1;

-- Key questions with the % Yes used for banding: from the counts where published, else the %.
CREATE VIEW key_question_results AS
SELECT
    k.*,
    coalesce(100.0 * k.number_yes / nullif(k.relevant_cases, 0), k.pct_yes) AS pct_for_band
FROM key_questions AS k;

-- Each improvement action with its latest status.
CREATE VIEW action_current_status AS
SELECT a.*, u.update_date AS status_date, u.brag, u.status_text
FROM improvement_actions AS a
LEFT JOIN action_status_updates AS u USING (action_id)
QUALIFY row_number() OVER (PARTITION BY a.action_id
                           ORDER BY u.update_date DESC NULLS LAST, u.recorded_at DESC NULLS LAST) = 1;

-- Readable, enumerated labels for the cohort's dimensions. ENUMs make the grouping behind the
-- cohort pages several times faster than text on a million rows.
CREATE TYPE age_band_label AS ENUM ('10-13', '14-15', '16-17');
CREATE TYPE sex_label AS ENUM ('Female', 'Male');
CREATE TYPE ethnicity_label AS ENUM ('White', 'Black', 'Asian', 'Mixed', 'Other', 'Unknown');
CREATE TYPE disposal_type_label AS ENUM ('Out-of-court', 'Court');
CREATE TYPE disposal_label AS ENUM ('Community resolution', 'Youth caution', 'Youth conditional caution',
                                    'Referral order', 'Youth rehabilitation order', 'Custody');
CREATE TYPE offence_label AS ENUM ('Violence against the person', 'Robbery', 'Theft and handling', 'Drugs',
                                   'Criminal damage', 'Public order', 'Possession of weapons', 'Motoring',
                                   'Sexual offences', 'Other');
CREATE TYPE care_status_label AS ENUM ('None', 'Child in need', 'Child protection', 'Looked after', 'Care leaver');
CREATE TYPE care_experience_label AS ENUM ('Care-experienced', 'Not care-experienced');
CREATE TYPE send_label AS ENUM ('SEND', 'No SEND');
CREATE TYPE ete_label AS ENUM ('Full time', 'Part time', 'Not in ETE', 'Order not ended');
CREATE TYPE need_label AS ENUM ('Need identified', 'No need identified');
CREATE TYPE level_label AS ENUM ('Low', 'Medium', 'High', 'Very high');
CREATE TYPE reoffending_label AS ENUM ('Reoffended', 'Did not reoffend', 'Not yet known');

CREATE VIEW cohort_labelled AS
SELECT
    c.child_id,
    c.area,
    a.is_demo,
    c.start_date,
    year(c.start_date) AS start_year,
    c.end_date,
    (CASE WHEN c.age_at_start <= 13 THEN '10-13' WHEN c.age_at_start <= 15 THEN '14-15' ELSE '16-17' END)::age_band_label AS age_band,
    c.sex::sex_label AS sex,
    c.ethnicity::ethnicity_label AS ethnicity,
    c.disposal_type::disposal_type_label AS disposal_type,
    c.disposal::disposal_label AS disposal,
    c.offence_category::offence_label AS offence_category,
    c.care_status::care_status_label AS care_status,
    (CASE WHEN c.care_status IN ('Looked after', 'Care leaver') THEN 'Care-experienced'
          ELSE 'Not care-experienced' END)::care_experience_label AS care_experience,
    (CASE WHEN c.send THEN 'SEND' ELSE 'No SEND' END)::send_label AS send,
    coalesce(c.ete_status_at_end, 'Order not ended')::ete_label AS ete_status_at_end,
    (CASE WHEN c.substance_misuse THEN 'Need identified' ELSE 'No need identified' END)::need_label AS substance_misuse,
    (CASE WHEN c.mental_health THEN 'Need identified' ELSE 'No need identified' END)::need_label AS mental_health,
    c.risk_of_serious_harm::level_label AS risk_of_serious_harm,
    c.safety_and_wellbeing::level_label AS safety_and_wellbeing,
    (CASE WHEN c.reoffended_12m THEN 'Reoffended' WHEN NOT c.reoffended_12m THEN 'Did not reoffend'
          ELSE 'Not yet known' END)::reoffending_label AS reoffending,
    c.reoffended_12m,
    c.end_date IS NOT NULL AND c.end_date <= current_date AS order_ended,
    coalesce(c.ete_status_at_end IN ('Full time', 'Part time'), false) AS in_ete_at_end,
    c.suitable_accommodation_at_end,
    c.send AS has_send,
    c.send_formal_plan,
    c.mental_health AS has_mental_health_need,
    c.mental_health_support,
    c.substance_misuse AS has_substance_need,
    c.substance_misuse_support,
    c.completed,
    c.care_status <> 'None' AS wider_services,
    c.offence_category IN ('Violence against the person', 'Robbery', 'Possession of weapons') AS serious_violence,
    c.source
FROM cohort AS c
JOIN areas AS a ON a.name = c.area;

-- The labelled cohort, materialised (refreshed by the build and by every cohort import).
CREATE TABLE cohort_facts AS SELECT * FROM cohort_labelled LIMIT 0;

-- The cohort filtered by every attribute. `f` is a struct: `areas`, `year_from`, `year_to`, and one
-- list per dimension of the values let through (see yjs/cohort.py: every value of a dimension
-- nobody filters on). A plain list test per dimension plans in half the time of "empty, or
-- contains", and the planning, not the scan, is most of what a filter change costs.
CREATE MACRO filtered_cohort(f) AS TABLE
SELECT *
FROM cohort_facts
WHERE list_contains(f['areas']::VARCHAR[], area)
  AND start_year BETWEEN f['year_from'] AND f['year_to']
  AND list_contains(f['age_bands']::VARCHAR[], age_band::VARCHAR)
  AND list_contains(f['sexes']::VARCHAR[], sex::VARCHAR)
  AND list_contains(f['ethnicities']::VARCHAR[], ethnicity::VARCHAR)
  AND list_contains(f['disposal_types']::VARCHAR[], disposal_type::VARCHAR)
  AND list_contains(f['disposals']::VARCHAR[], disposal::VARCHAR)
  AND list_contains(f['offences']::VARCHAR[], offence_category::VARCHAR)
  AND list_contains(f['care_statuses']::VARCHAR[], care_status::VARCHAR)
  AND list_contains(f['send_values']::VARCHAR[], send::VARCHAR)
  AND list_contains(f['ete_statuses']::VARCHAR[], ete_status_at_end::VARCHAR)
  AND list_contains(f['substance_values']::VARCHAR[], substance_misuse::VARCHAR)
  AND list_contains(f['mental_health_values']::VARCHAR[], mental_health::VARCHAR)
  AND list_contains(f['rosh_levels']::VARCHAR[], risk_of_serious_harm::VARCHAR)
  AND list_contains(f['wellbeing_levels']::VARCHAR[], safety_and_wellbeing::VARCHAR)
  AND list_contains(f['reoffending_values']::VARCHAR[], reoffending::VARCHAR);

-- Children in the filtered cohort counted by two dimensions named by key (rows x columns), and
-- by reoffending outcome, so one pass serves a cross-tab and its reoffending rates.
CREATE MACRO cohort_counts(f, row_dim, col_dim) AS TABLE
SELECT
    CASE row_dim
        WHEN 'age_band' THEN age_band::VARCHAR
        WHEN 'sex' THEN sex::VARCHAR
        WHEN 'ethnicity' THEN ethnicity::VARCHAR
        WHEN 'disposal_type' THEN disposal_type::VARCHAR
        WHEN 'disposal' THEN disposal::VARCHAR
        WHEN 'offence_category' THEN offence_category::VARCHAR
        WHEN 'care_status' THEN care_status::VARCHAR
        WHEN 'send' THEN send::VARCHAR
        WHEN 'ete_status_at_end' THEN ete_status_at_end::VARCHAR
        WHEN 'substance_misuse' THEN substance_misuse::VARCHAR
        WHEN 'mental_health' THEN mental_health::VARCHAR
        WHEN 'risk_of_serious_harm' THEN risk_of_serious_harm::VARCHAR
        WHEN 'safety_and_wellbeing' THEN safety_and_wellbeing::VARCHAR
        WHEN 'reoffending' THEN reoffending::VARCHAR
    END AS row_value,
    CASE col_dim
        WHEN 'age_band' THEN age_band::VARCHAR
        WHEN 'sex' THEN sex::VARCHAR
        WHEN 'ethnicity' THEN ethnicity::VARCHAR
        WHEN 'disposal_type' THEN disposal_type::VARCHAR
        WHEN 'disposal' THEN disposal::VARCHAR
        WHEN 'offence_category' THEN offence_category::VARCHAR
        WHEN 'care_status' THEN care_status::VARCHAR
        WHEN 'send' THEN send::VARCHAR
        WHEN 'ete_status_at_end' THEN ete_status_at_end::VARCHAR
        WHEN 'substance_misuse' THEN substance_misuse::VARCHAR
        WHEN 'mental_health' THEN mental_health::VARCHAR
        WHEN 'risk_of_serious_harm' THEN risk_of_serious_harm::VARCHAR
        WHEN 'safety_and_wellbeing' THEN safety_and_wellbeing::VARCHAR
        WHEN 'reoffending' THEN reoffending::VARCHAR
    END AS col_value,
    reoffending::VARCHAR AS outcome,
    count(*) AS children
FROM filtered_cohort(f)
GROUP BY ALL;
