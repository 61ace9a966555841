-- standards.csv: HMIP's standards under each framework, by domain.
-- params:
-- column framework: 2018 or 2021
-- column code: the standard's code, 1.1 to 4.1
-- column domain: 1 organisational delivery, 2 court disposals, 3 out-of-court disposals, 4 resettlement
-- column domain_name: the domain's name
-- column name: the standard's name
-- column is_scored: whether it counts in the score out of 36 (4.1 never does)
SELECT framework, code, domain, domain_name, name, is_scored
FROM standards
ORDER BY framework, code
