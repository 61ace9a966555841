-- The cohort table's columns in order, so incoming rows line up with stored ones.
-- params:
SELECT column_name FROM information_schema.columns WHERE table_name = 'cohort' ORDER BY ordinal_position
