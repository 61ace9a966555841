-- The key questions of one inspection with the number of cases inspected in their domain, which
-- lets counts be inferred where only a rounded % was published.
-- params: $inspection_id
SELECT
    k.standard_code, k.question_no, k.theme, k.question, k.relevant_cases, k.number_yes, k.pct_yes,
    k.pct_for_band, c.cases_inspected, readable_source(k.source) AS source
FROM key_question_results AS k
LEFT JOIN case_samples AS c
    ON c.inspection_id = k.inspection_id AND c.domain = CAST(split_part(k.standard_code, '.', 1) AS INTEGER)
WHERE k.inspection_id = $inspection_id
ORDER BY k.standard_code, k.question_no
