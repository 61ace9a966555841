-- plan_themes.csv: a plan's pillars or themes with their own lead and board sponsor, where the plan names them.
-- params: $demo
-- column plan: the plan (improvement_plans.csv)
-- column theme: the pillar or theme
-- column lead: its lead
-- column board_sponsor: its board sponsor
-- column source: the document the row was read from (title, date, section)
SELECT t.plan, t.theme, t.lead, t.board_sponsor, readable_source(t.source) AS source
FROM plan_themes AS t
JOIN improvement_plans AS p USING (plan)
JOIN areas AS a ON a.name = p.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, t.plan, t.theme
