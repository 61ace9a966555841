-- How many areas are real services and how many are invented demo areas.
-- params:
SELECT is_demo, count(*) AS areas FROM areas GROUP BY is_demo
