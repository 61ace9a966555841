-- The name of each standard under each framework.
-- params:
SELECT framework, code, name FROM standards
