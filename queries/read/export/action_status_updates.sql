-- action_status_updates.csv: every status and progress note recorded for every action, dated (the plans' history).
-- params: $demo
-- column action_id: the action (improvement_actions.csv)
-- column update_date: the day the status or note was true
-- column brag: Blue, Green, Amber or Red (blank: not assessed)
-- column status_text: the plan's own words for the status
-- column read_from: "completion month" where the status was read from a month in a completion column
-- column note: the progress commentary
-- column source: the document the row was read from (title, date, section)
SELECT u.action_id, u.update_date, u.brag, u.status_text, u.read_from, u.note, readable_source(u.source) AS source
FROM action_status_updates AS u
JOIN improvement_actions AS x USING (action_id)
JOIN improvement_plans AS p USING (plan)
JOIN areas AS a ON a.name = p.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, u.action_id, u.update_date, u.recorded_at
