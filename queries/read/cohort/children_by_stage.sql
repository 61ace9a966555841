-- Children at each stage of the system by group ($group_dim: ethnicity, care_experience or send), per
-- year of starting and over the whole period (`year` NULL), and over every group (`group_value` NULL):
-- each a cell of its own, perturbed (data/views.sql `perturbed`), so a period's figure is never the sum
-- of its years'. Each stage's denominator is the stage before it: entered -> court (of entered) ->
-- custody (of court); reoffending is counted among the children followed up for 12 months.
-- params: $cohort, $dimensions, $group_dim
WITH children AS (
    SELECT
        start_year AS year,
        CASE $group_dim
            WHEN 'ethnicity' THEN ethnicity::VARCHAR
            WHEN 'care_experience' THEN care_experience::VARCHAR
            WHEN 'send' THEN send::VARCHAR
        END AS group_value,
        disposal_type = 'Court' AS at_court,
        disposal = 'Custody' AS in_custody,
        reoffended_12m,
        record_key
    FROM filtered_cohort($cohort, $dimensions)
),
counted AS (  -- the finest cells first, then their sums: a year and group at a time is cheaper to scan
    SELECT
        year,
        group_value,
        count(*) AS entered,
        sum(record_key) AS entered_keys,
        count(*) FILTER (WHERE at_court) AS court,
        sum(record_key) FILTER (WHERE at_court) AS court_keys,
        count(*) FILTER (WHERE in_custody) AS custody,
        sum(record_key) FILTER (WHERE in_custody) AS custody_keys,
        count(*) FILTER (WHERE reoffended_12m IS NOT NULL) AS followed_up,
        sum(record_key) FILTER (WHERE reoffended_12m IS NOT NULL) AS followed_up_keys,
        count(*) FILTER (WHERE reoffended_12m) AS reoffended,
        sum(record_key) FILTER (WHERE reoffended_12m) AS reoffended_keys
    FROM children
    GROUP BY ALL
),
rolled_up AS (
    SELECT year, group_value, sum(COLUMNS(* EXCLUDE (year, group_value)))
    FROM counted
    GROUP BY GROUPING SETS ((year, group_value), (group_value), ())
)
SELECT
    year,
    group_value,
    perturbed(pvalues, entered, entered_keys) AS entered,
    perturbed(pvalues, court, court_keys) AS court,
    perturbed(pvalues, custody, custody_keys) AS custody,
    perturbed(pvalues, followed_up, followed_up_keys) AS followed_up,
    perturbed(pvalues, reoffended, reoffended_keys) AS reoffended
FROM rolled_up, ptable_lookup
