-- Views over the tables in schema.sql. Plain names: users query these directly.

-- Whether an area is on show: real areas always, demo areas only when asked for, and only in the
-- chosen regions (none chosen means every region). yjs/domain/filters.py `Filters.is_visible`
-- applies the same rule in Python to the areas the app already holds.
CREATE MACRO is_visible(is_demo, region, show_demo, regions) AS
    (NOT is_demo OR show_demo) AND (len(regions::VARCHAR[]) = 0 OR list_contains(regions::VARCHAR[], region));

-- A row's source as a person reads it: "<title> (<Month YYYY>), <section>" for a known document (an imported
-- file: "<file> (imported <d Month YYYY>)"), else the text as stored ('demo', 'app', a published figure's note).
CREATE MACRO readable_source(source) AS (
    SELECT coalesce(
        d.title
            || CASE
                WHEN d.imported_on IS NOT NULL THEN ' (imported ' || strftime(d.imported_on, '%-d %B %Y') || ')'
                WHEN d.published IS NULL THEN ''
                ELSE ' (' || strftime(d.published, '%B %Y') || ')'
            END
            || CASE WHEN strpos(source, ' § ') > 0
                    THEN coalesce(', ' || nullif(trim(substr(source, strpos(source, ' § ') + 3)), ''), '')
                    ELSE '' END,
        source
    )
    FROM (SELECT 1) AS one
    LEFT JOIN documents AS d
        ON d.document_id = CASE WHEN strpos(source, ' § ') > 0 THEN left(source, strpos(source, ' § ') - 1) ELSE source END
);

-- One row per inspection. `score` is computed from the standard ratings when all twelve are
-- known (else the published score); `overall_rating` is the published one, or the band of the
-- score when none was published. Computed here; the pages read the copy kept below.
CREATE VIEW inspection_summary_computed AS
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
        readable_source(s.source) AS source
    FROM scores AS s
    JOIN areas AS a ON a.name = s.area
    LEFT JOIN score_bands AS b ON s.final_score BETWEEN b.min_score AND b.max_score
)
SELECT * FROM final;

-- inspection_summary_computed, kept as a table: every page reads it, and computing it (the scores, the
-- bands, each source's title) was most of a ratings query's time. Refreshed by the build and by every
-- write (yjs/store/atomic.py, write/ratings/refresh_inspection_summary); a write's own checks read the view.
CREATE TABLE inspection_summary AS SELECT * FROM inspection_summary_computed LIMIT 0;

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
SELECT a.*, u.update_date AS status_date, u.brag, u.status_text, u.read_from
FROM improvement_actions AS a
LEFT JOIN action_status_updates AS u USING (action_id)
QUALIFY row_number() OVER (PARTITION BY a.action_id
                           ORDER BY u.update_date DESC NULLS LAST, u.recorded_at DESC NULLS LAST) = 1;

-- The cohort's dimensions: each is a readable-label column of `cohort_labelled` typed by an ENUM of
-- its own. ENUMs make the grouping behind the cohort pages several times faster than text on a
-- million rows. Their values, in their natural order, come from `cohort_dimension_values`, which
-- the build writes from yjs/domain/cohort.py DIMENSIONS, the one place they are listed.
CREATE MACRO dimension_values(dimension_key) AS TABLE
SELECT value FROM cohort_dimension_values WHERE dimension = dimension_key ORDER BY position;

CREATE TYPE age_band_label AS ENUM (FROM dimension_values('age_band'));
CREATE TYPE sex_label AS ENUM (FROM dimension_values('sex'));
CREATE TYPE ethnicity_label AS ENUM (FROM dimension_values('ethnicity'));
CREATE TYPE disposal_type_label AS ENUM (FROM dimension_values('disposal_type'));
CREATE TYPE disposal_label AS ENUM (FROM dimension_values('disposal'));
CREATE TYPE offence_category_label AS ENUM (FROM dimension_values('offence_category'));
CREATE TYPE care_status_label AS ENUM (FROM dimension_values('care_status'));
CREATE TYPE send_label AS ENUM (FROM dimension_values('send'));
CREATE TYPE ete_status_at_end_label AS ENUM (FROM dimension_values('ete_status_at_end'));
CREATE TYPE substance_misuse_label AS ENUM (FROM dimension_values('substance_misuse'));
CREATE TYPE mental_health_label AS ENUM (FROM dimension_values('mental_health'));
CREATE TYPE risk_of_serious_harm_label AS ENUM (FROM dimension_values('risk_of_serious_harm'));
CREATE TYPE safety_and_wellbeing_label AS ENUM (FROM dimension_values('safety_and_wellbeing'));
CREATE TYPE reoffending_label AS ENUM (FROM dimension_values('reoffending'));
-- Not a dimension: a grouping of care status that only the disproportionality page uses.
CREATE TYPE care_experience_label AS ENUM ('Care-experienced', 'Not care-experienced');

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
    c.offence_category::offence_category_label AS offence_category,
    c.care_status::care_status_label AS care_status,
    (CASE WHEN c.care_status IN ('Looked after', 'Care leaver') THEN 'Care-experienced'
          ELSE 'Not care-experienced' END)::care_experience_label AS care_experience,
    (CASE WHEN c.send THEN 'SEND' ELSE 'No SEND' END)::send_label AS send,
    coalesce(c.ete_status_at_end, 'Order not ended')::ete_status_at_end_label AS ete_status_at_end,
    (CASE WHEN c.substance_misuse THEN 'Need identified' ELSE 'No need identified' END)::substance_misuse_label
        AS substance_misuse,
    (CASE WHEN c.mental_health THEN 'Need identified' ELSE 'No need identified' END)::mental_health_label
        AS mental_health,
    c.risk_of_serious_harm::risk_of_serious_harm_label AS risk_of_serious_harm,
    c.safety_and_wellbeing::safety_and_wellbeing_label AS safety_and_wellbeing,
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
    c.record_key,
    c.source
FROM cohort AS c
JOIN areas AS a ON a.name = c.area;

-- The labelled cohort, materialised (refreshed by the build and by every cohort import).
CREATE TABLE cohort_facts AS SELECT * FROM cohort_labelled LIMIT 0;

-- The cohort counted per area and year of starting, by what the cohort pages count when no dimension is
-- filtered (the first view of each page, and every disproportionality view): refreshed with
-- `cohort_facts`, so each page reads a few thousand cells instead of grouping every child (at ten
-- million children, milliseconds instead of half a second). Counts and sums of record keys add up, so
-- a figure from these cells is exactly the one the same children give counted one by one, perturbed
-- the same (`perturbed` below). A query reads them only where `in_scope` says no dimension is filtered
-- (the cohort summary, which no dimension changes, always).
CREATE VIEW cohort_dimension_cells_now AS  -- children per value of each dimension
WITH counted AS (
    SELECT area, start_year, COLUMNS(* EXCLUDE (area, start_year, children, key_sum))::VARCHAR, children, key_sum
    FROM (
        SELECT area, start_year, age_band, sex, ethnicity, disposal_type, disposal, offence_category, care_status, send,
               ete_status_at_end, substance_misuse, mental_health, risk_of_serious_harm, safety_and_wellbeing,
               reoffending, count(*) AS children, sum(record_key) AS key_sum
        FROM cohort_facts
        GROUP BY GROUPING SETS ((area, start_year, age_band), (area, start_year, sex), (area, start_year, ethnicity),
                               (area, start_year, disposal_type), (area, start_year, disposal),
                               (area, start_year, offence_category), (area, start_year, care_status),
                               (area, start_year, send), (area, start_year, ete_status_at_end),
                               (area, start_year, substance_misuse), (area, start_year, mental_health),
                               (area, start_year, risk_of_serious_harm), (area, start_year, safety_and_wellbeing),
                               (area, start_year, reoffending))
    )
)
UNPIVOT counted ON COLUMNS(* EXCLUDE (area, start_year, children, key_sum)) INTO NAME dimension VALUE value;

CREATE VIEW cohort_stage_cells_now AS  -- what queries/read/cohort/children_by_stage.sql asks of each child
SELECT area, start_year, ethnicity, care_experience, send, disposal_type, disposal, reoffended_12m,
       count(*) AS n, sum(record_key) AS keys
FROM cohort_facts
GROUP BY ALL;

CREATE VIEW cohort_kpi_cells_now AS  -- what queries/read/cohort/kpi_counts.sql asks of each ended order
SELECT area, start_year, suitable_accommodation_at_end, in_ete_at_end, send_formal_plan, has_send,
       mental_health_support, has_mental_health_need, substance_misuse_support, has_substance_need, completed,
       disposal_type, wider_services, count(*) AS n, sum(record_key) AS keys
FROM cohort_facts
WHERE order_ended
GROUP BY ALL;

CREATE VIEW cohort_area_year_cells_now AS  -- what queries/read/cohort/cohort_summary.sql asks of the chosen areas
SELECT area, is_demo, start_year, source, count(*) AS children
FROM cohort_facts
GROUP BY ALL;

CREATE TABLE cohort_area_year_cells AS FROM cohort_area_year_cells_now LIMIT 0;
CREATE TABLE cohort_dimension_cells AS FROM cohort_dimension_cells_now LIMIT 0;
CREATE TABLE cohort_stage_cells AS FROM cohort_stage_cells_now LIMIT 0;
CREATE TABLE cohort_kpi_cells AS FROM cohort_kpi_cells_now LIMIT 0;

-- Whether a cell of the tables above is in the scope `f` (the `$cohort` struct of the cohort queries): only
-- when no dimension is filtered (`f['unfiltered']`, yjs/domain/cohort.py cohort_params), and then of the
-- chosen areas and years. Where it is false, DuckDB drops the branch that reads the cells at planning.
CREATE MACRO in_scope(f, area, start_year) AS
    f['unfiltered'] AND list_contains(f['areas']::VARCHAR[], area) AND start_year BETWEEN f['year_from'] AND f['year_to'];

-- The cohort filtered by every attribute. `f` is a struct of `areas`, `year_from` and `year_to`;
-- `dimensions` a struct of the values let through per dimension, keyed as its column
-- (yjs/domain/cohort.py cohort_params: every value of a dimension nobody filters on). A plain list
-- test per dimension plans in half the time of "empty, or contains", and the planning, not the
-- scan, is most of what a filter change costs (two flat structs also plan a quarter faster than
-- one nested). The tests are written out, a line a dimension, because the generic form (one test
-- over COLUMNS(struct_keys(dimensions)), each finding its list by alias()) looks the list up row
-- by row and filters 10-20 times slower.
CREATE MACRO filtered_cohort(f, dimensions) AS TABLE
SELECT *
FROM cohort_facts
WHERE list_contains(f['areas']::VARCHAR[], area)
  AND start_year BETWEEN f['year_from'] AND f['year_to']
  AND list_contains(dimensions['age_band']::VARCHAR[], age_band::VARCHAR)
  AND list_contains(dimensions['sex']::VARCHAR[], sex::VARCHAR)
  AND list_contains(dimensions['ethnicity']::VARCHAR[], ethnicity::VARCHAR)
  AND list_contains(dimensions['disposal_type']::VARCHAR[], disposal_type::VARCHAR)
  AND list_contains(dimensions['disposal']::VARCHAR[], disposal::VARCHAR)
  AND list_contains(dimensions['offence_category']::VARCHAR[], offence_category::VARCHAR)
  AND list_contains(dimensions['care_status']::VARCHAR[], care_status::VARCHAR)
  AND list_contains(dimensions['send']::VARCHAR[], send::VARCHAR)
  AND list_contains(dimensions['ete_status_at_end']::VARCHAR[], ete_status_at_end::VARCHAR)
  AND list_contains(dimensions['substance_misuse']::VARCHAR[], substance_misuse::VARCHAR)
  AND list_contains(dimensions['mental_health']::VARCHAR[], mental_health::VARCHAR)
  AND list_contains(dimensions['risk_of_serious_harm']::VARCHAR[], risk_of_serious_harm::VARCHAR)
  AND list_contains(dimensions['safety_and_wellbeing']::VARCHAR[], safety_and_wellbeing::VARCHAR)
  AND list_contains(dimensions['reoffending']::VARCHAR[], reoffending::VARCHAR);

-- Disclosure control by the cell key method (ONS Census 2021, ABS TableBuilder; README "Disclosure
-- control"). Every child record has a fixed random key (cohort.record_key, 0-255). A count of `n` children
-- whose keys sum to `key_sum` is published as n plus the noise the perturbation table (data/ptable.csv)
-- gives for that count and the cell's key, key_sum modulo 256; counts above 750 reuse the table's rows
-- 501-750, as ONS's own code does. The same children give the same n and key_sum whichever query counts
-- them, so the same cell always shows the same figure and subtracting one table from another recovers
-- nothing exact. A true zero stays zero (a missing count, a FILTER over no rows, is zero too); a count
-- the table takes to zero is NULL: withheld, shown as c. `pvalues` is ptable_lookup's one column: cross
-- join the one-row table once, which plans in half the time of a scalar subquery per count.
CREATE MACRO perturbed(pvalues, n, key_sum) AS
    CASE WHEN coalesce(n, 0) = 0 THEN 0
         ELSE nullif(n + pvalues[((CASE WHEN n <= 750 THEN n ELSE (n - 1) % 250 + 501 END - 1) * 256
                                  + key_sum % 256 + 1)::BIGINT], 0)::BIGINT
    END;

-- Children in the filtered cohort counted by two dimensions named by key (rows x columns), and
-- by reoffending outcome, with the sum of their record keys: the finest cells, which the queries add
-- up into the cells they publish and only then perturb (queries/read/cohort/). Each key picks
-- its column from the keys of `dimensions` (COLUMNS of a one-name list): a key that names no
-- dimension leaves the list empty, which DuckDB refuses, so no other column (an id, say) can be
-- counted by. Grouped on the ENUMs and only then made text: three times faster than grouping text.
CREATE MACRO cohort_counts(f, dimensions, row_dim, col_dim) AS TABLE
SELECT row_value::VARCHAR AS row_value, col_value::VARCHAR AS col_value, outcome::VARCHAR AS outcome, children, key_sum
FROM (
    SELECT
        COLUMNS(list_filter(struct_keys(dimensions), lambda k: k = row_dim)) AS row_value,
        COLUMNS(list_filter(struct_keys(dimensions), lambda k: k = col_dim)) AS col_value,
        reoffending AS outcome,
        count(*) AS children,
        sum(record_key) AS key_sum
    FROM filtered_cohort(f, dimensions)
    GROUP BY ALL
);
