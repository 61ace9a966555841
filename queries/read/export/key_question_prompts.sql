-- key_question_prompts.csv: the prompts under a key question, where the report publishes their counts.
-- params: $demo
-- column inspection_id: the inspection (inspections.csv)
-- column area: the youth justice service inspected
-- column standard_code: the standard
-- column question_no: the key question's number within the standard
-- column prompt_no: the prompt's number within the question
-- column prompt: the prompt as HMIP words it
-- column relevant_cases: the cases it applied to
-- column number_yes: the cases answered Yes
-- column source: the document the row was read from (title, date, section)
SELECT p.inspection_id, i.area, p.standard_code, p.question_no, p.prompt_no, p.prompt, p.relevant_cases,
       p.number_yes, readable_source(p.source) AS source
FROM key_question_prompts AS p
JOIN inspections AS i USING (inspection_id)
JOIN areas AS a ON a.name = i.area
WHERE NOT a.is_demo OR $demo
ORDER BY a.is_demo, i.area, p.inspection_id, p.standard_code, p.question_no, p.prompt_no
