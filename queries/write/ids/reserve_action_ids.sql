-- Take $n ids from the improvement actions' sequence.
-- params: $n
SELECT nextval('action_ids') AS id FROM range($n)
