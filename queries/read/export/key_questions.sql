-- key_questions.csv: the key questions inspectors answered on a sample of cases, per standard (domains 2 and 3).
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service inspected
-- column standard_code: the standard the question belongs to
-- column question_no: its number within the standard
-- column theme: desistance, keeping the child safe, or keeping other people safe
-- column question: the question as HMIP words it
-- column relevant_cases: the cases it applied to, where published
-- column number_yes: the cases answered Yes, where published
-- column pct_yes: the % Yes as published
-- column pct_for_band: the % Yes the rating bands apply to: from the counts where published, else the %
-- column source: the document the row was read from (title, date, section)
SELECT k.inspection_id, i.area, k.standard_code, k.question_no, k.theme, k.question, k.relevant_cases,
       k.number_yes, k.pct_yes, k.pct_for_band, readable_source(k.source) AS source
FROM key_question_results AS k
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, k.inspection_id, k.standard_code, k.question_no
