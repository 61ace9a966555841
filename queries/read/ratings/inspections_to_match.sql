-- Every inspection with the months a person may name it by (published, or fieldwork while unpublished).
-- params:
SELECT inspection_id, area, strftime(published, '%Y-%m') AS published_month,
       strftime(fieldwork_start, '%Y-%m') AS fieldwork_month, inspection_date
FROM inspection_summary_computed
ORDER BY area, inspection_date, inspection_id
