-- Children at each stage of the system (a row per `stage`) by group ($group_dim: ethnicity,
-- care_experience or send), per year of starting and over the whole period (`year` NULL), and over every
-- group (`group_value` NULL); with $by_area, per area over the whole period, and pooled over every area
-- (`area` NULL, as without $by_area):
-- each a cell of its own, perturbed (data/views.sql `perturbed`), so a period's figure is never the sum
-- of its years'. Each stage's denominator is the stage before it: entered -> court (of entered) ->
-- custody (of court); reoffending is counted among the children followed up for 12 months. The
-- children are first grouped by year, group and what the stages ask of them, then the groups added up.
-- params: $cohort, $dimensions, $group_dim, $by_area
WITH children AS (  -- each child (n 1, keys its record key), or with no dimension filtered the cells kept per
                   -- area and year (data/views.sql `in_scope`): the same sums, without reading every child
    SELECT area, start_year, ethnicity, care_experience, send, disposal_type, disposal, reoffended_12m,
           1 AS n, record_key AS keys
    FROM filtered_cohort($cohort, $dimensions)
    WHERE NOT $cohort['unfiltered']
    UNION ALL BY NAME
    FROM cohort_stage_cells
    WHERE in_scope($cohort, area, start_year)
),
grouped AS (  -- on the stored ENUM and boolean columns as they are: several times faster than on text made per child
    SELECT
        CASE WHEN $by_area THEN area END AS area,
        CASE WHEN NOT $by_area THEN start_year END AS year,  -- area by area, over the period only
        COLUMNS(list_filter(['ethnicity', 'care_experience', 'send'], lambda k: k = $group_dim)) AS group_value,
        disposal_type,
        disposal,
        reoffended_12m,
        sum(n) AS n,
        sum(keys) AS keys
    FROM children
    GROUP BY ALL
),
cells AS (
    SELECT
        area,
        year,
        group_value::VARCHAR AS group_value,
        disposal_type = 'Court' AS at_court,
        disposal = 'Custody' AS in_custody,
        reoffended_12m,
        n,
        keys
    FROM grouped
),
rolled_up AS (
    SELECT
        area,
        year,
        group_value,
        sum(n) AS entered,
        sum(keys) AS entered_keys,
        sum(n) FILTER (WHERE at_court) AS court,
        sum(keys) FILTER (WHERE at_court) AS court_keys,
        sum(n) FILTER (WHERE in_custody) AS custody,
        sum(keys) FILTER (WHERE in_custody) AS custody_keys,
        sum(n) FILTER (WHERE reoffended_12m IS NOT NULL) AS followed_up,
        sum(keys) FILTER (WHERE reoffended_12m IS NOT NULL) AS followed_up_keys,
        sum(n) FILTER (WHERE reoffended_12m) AS reoffended,
        sum(keys) FILTER (WHERE reoffended_12m) AS reoffended_keys
    FROM cells
    GROUP BY GROUPING SETS ((area, year, group_value), (area, group_value), (area), (group_value), ())
    -- area by area there is no year: the first set would repeat the second; the last two are the areas
    -- pooled (`area` NULL), which without $by_area would repeat the second and third
    HAVING CASE WHEN $by_area THEN GROUPING(year) = 1 ELSE GROUPING(area) = 0 END
),
by_stage AS (  -- one row per stage, so that one `perturbed` serves all five (each of its uses costs planning)
    SELECT * FROM rolled_up
    UNPIVOT INCLUDE NULLS ((children, keys) FOR stage IN (
        (entered, entered_keys) AS entered,
        (court, court_keys) AS court,
        (custody, custody_keys) AS custody,
        (followed_up, followed_up_keys) AS followed_up,
        (reoffended, reoffended_keys) AS reoffended
    ))
)
SELECT area, year, group_value, stage, perturbed(pvalues, children, keys) AS children
FROM by_stage, ptable_lookup
