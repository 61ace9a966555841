-- Use the standard's name as the report itself prints it.
-- params: $area, $fieldwork_month, $code, $name
UPDATE standard_ratings
SET name = $name
WHERE code = $code
  AND inspection_id IN (
      SELECT inspection_id FROM inspections
      WHERE area = $area AND strftime(fieldwork_start, '%Y-%m') = $fieldwork_month
  )
