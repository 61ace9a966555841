-- Take $n ids from the inspections' sequence, so bulk loads and later imports never collide.
-- params: $n
SELECT nextval('inspection_ids') AS id FROM range($n)
