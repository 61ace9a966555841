-- Each area's improvement plan (its latest dated on or before $as_at) with its actions' status counts at
-- every date a status was recorded up to $as_at, and at $as_at: the plan as it stood at the end of each
-- such day, built as yjs.domain.plans.plan_as_at builds one plan (the last status on or before the day,
-- due dates set back past later edits, actions created later left out). One pass over every plan.
-- params: $show_demo, $regions, $as_at
WITH chosen_plans AS (
    SELECT p.plan, p.area, a.region, a.is_demo, p.title, p.plan_date, p.source, p.inspection_id
    FROM improvement_plans AS p
    JOIN areas AS a ON a.name = p.area
    WHERE is_visible(a.is_demo, a.region, $show_demo, $regions)
    QUALIFY row_number() OVER (
        PARTITION BY p.area
        ORDER BY coalesce(p.plan_date <= $as_at, TRUE) DESC, p.plan_date DESC NULLS LAST, p.plan
    ) = 1
),
actions AS (  -- with the last time each was recorded as created (none for a plan's first actions)
    SELECT x.action_id, x.plan, x.due_date,
           (SELECT max(e.edited_at) FROM action_edits AS e WHERE e.action_id = x.action_id AND e.field = 'created')
               AS created_at
    FROM improvement_actions AS x
    JOIN chosen_plans USING (plan)
),
updates AS (
    SELECT u.*, a.plan
    FROM action_status_updates AS u
    JOIN actions AS a USING (action_id)
    WHERE u.update_date <= $as_at
),
days AS (
    SELECT DISTINCT plan, update_date AS day FROM updates
    UNION
    SELECT plan, $as_at::DATE FROM chosen_plans
),
standing AS (  -- the actions that existed at the end of each day
    SELECT d.plan, d.day, a.action_id, a.due_date
    FROM days AS d
    JOIN actions AS a USING (plan)
    WHERE a.created_at IS NULL OR a.created_at < d.day + INTERVAL 1 DAY
),
status_then AS (
    SELECT s.plan, s.day, s.action_id, s.due_date, u.brag
    FROM standing AS s
    LEFT JOIN updates AS u ON u.action_id = s.action_id AND u.update_date <= s.day
    QUALIFY row_number() OVER (
        PARTITION BY s.plan, s.day, s.action_id ORDER BY u.update_date DESC NULLS LAST, u.recorded_at DESC NULLS LAST
    ) = 1
),
due_edits AS (  -- the first change of the due date after the end of each day holds the date it had then
    SELECT s.day, s.action_id, e.old_value
    FROM status_then AS s
    JOIN action_edits AS e
      ON e.action_id = s.action_id AND e.field = 'due_date' AND e.edited_at >= s.day + INTERVAL 1 DAY
    QUALIFY row_number() OVER (PARTITION BY s.day, s.action_id ORDER BY e.edit_id) = 1
),
state AS (
    SELECT s.plan, s.day, s.brag,
           CASE WHEN d.action_id IS NULL THEN s.due_date ELSE CAST(nullif(d.old_value, '') AS DATE) END AS due_then
    FROM status_then AS s
    LEFT JOIN due_edits AS d USING (day, action_id)
),
counts AS (
    SELECT plan, day,
           count(*) AS actions,
           count(*) FILTER (WHERE brag = 'Blue') AS blue,
           count(*) FILTER (WHERE brag = 'Green') AS green,
           count(*) FILTER (WHERE brag = 'Amber') AS amber,
           count(*) FILTER (WHERE brag = 'Red') AS red,
           count(*) FILTER (WHERE brag IS NULL) AS not_assessed,
           count(*) FILTER (WHERE due_then < day AND brag IS DISTINCT FROM 'Blue') AS overdue
    FROM state
    GROUP BY plan, day
),
last_updates AS (
    SELECT plan, max(update_date) AS last_update FROM updates GROUP BY plan
)
SELECT p.area, p.region, p.is_demo, p.plan, p.title, p.plan_date, readable_source(p.source) AS source,
       i.overall_rating AS inspection_rating, i.inspection_date,
       l.last_update, d.day AS date,
       coalesce(c.actions, 0) AS actions, coalesce(c.blue, 0) AS blue, coalesce(c.green, 0) AS green,
       coalesce(c.amber, 0) AS amber, coalesce(c.red, 0) AS red, coalesce(c.not_assessed, 0) AS not_assessed,
       coalesce(c.overdue, 0) AS overdue
FROM chosen_plans AS p
JOIN days AS d USING (plan)
LEFT JOIN counts AS c USING (plan, day)
LEFT JOIN last_updates AS l USING (plan)
LEFT JOIN inspection_summary AS i USING (inspection_id)
ORDER BY p.is_demo, p.area, d.day
