-- The perturbation table as one list, the noise for (pcv, ckey) at (pcv - 1) * 256 + ckey + 1 (data/views.sql `perturbed`).
-- params:
INSERT INTO ptable_lookup SELECT list(pvalue ORDER BY pcv, ckey) FROM ptable
