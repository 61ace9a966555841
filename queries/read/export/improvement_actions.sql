-- improvement_actions.csv: each action of each plan, with its current status.
-- params: $demo
-- column action_id: the action's number in this database (the key of action_status_updates.csv)
-- column plan: the plan (improvement_plans.csv)
-- column ref: the plan's own numbering
-- column theme: the pillar, priority or theme it sits under
-- column recommendations: the numbers of the recommendations it answers, separated by "; "
-- column action: the action as the plan words it
-- column finding: what HMIP found, that it answers
-- column lead: its lead or owner
-- column agency: the partner agency responsible
-- column board_sponsor: its board sponsor
-- column start_text: the plan's own words for its start
-- column start_date: the start, as a date
-- column due_text: the plan's own words for its timescale
-- column due_date: the due date
-- column measures: its measures of success
-- column evidence: its evidence or quality assurance
-- column evidence_link: a link to the evidence
-- column status_date: the date of its latest status
-- column brag: its latest status: Blue complete, Green on track, Amber at risk, Red off track (blank: not assessed)
-- column status_text: the plan's own words for that status
-- column read_from: "completion month" where the status was read from a month in a completion column
-- column source: the document the row was read from (title, date, section)
SELECT c.action_id, c.plan, c.ref, c.theme, array_to_string(c.recommendations, '; ') AS recommendations, c.action,
       c.finding, c.lead, c.agency, c.board_sponsor, c.start_text, c.start_date, c.due_text, c.due_date, c.measures,
       c.evidence, c.evidence_link, c.status_date, c.brag, c.status_text, c.read_from,
       readable_source(c.source) AS source
FROM action_current_status AS c
JOIN improvement_plans AS p USING (plan)
JOIN areas AS a ON a.name = p.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, c.plan, c.action_id
