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
QUALIFY row_number() OVER (PARTITION BY a.action_id ORDER BY u.update_date DESC NULLS LAST) = 1;
