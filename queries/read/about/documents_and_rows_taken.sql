-- Every document the data come from, with how many rows of each kind cite it (what was taken from it).
-- A row's source is "<document_id> § <section>"; rows citing no document ('demo', 'app') are left out.
-- params:
WITH cited AS (
    SELECT 'areas' AS kind, source FROM areas
    UNION ALL SELECT 'inspections', source FROM inspections
    UNION ALL SELECT 'standard_ratings', source FROM standard_ratings
    UNION ALL SELECT 'key_questions', source FROM key_questions
    UNION ALL SELECT 'recommendations', source FROM recommendations
    UNION ALL SELECT 'recommendation_updates', source FROM recommendation_updates
    UNION ALL SELECT 'findings', source FROM findings
    UNION ALL SELECT 'improvement_plans', source FROM improvement_plans
    UNION ALL SELECT 'improvement_actions', source FROM improvement_actions
    UNION ALL SELECT 'indicator_values', source FROM indicator_values
    UNION ALL SELECT 'population', source FROM population
    UNION ALL SELECT 'context_figures', source FROM context_figures
    UNION ALL SELECT 'comparator_groups', source FROM comparator_groups
),
by_document AS (
    SELECT CASE WHEN strpos(source, ' § ') > 0 THEN left(source, strpos(source, ' § ') - 1) ELSE source END
               AS document_id,
           kind,
           count(*) AS rows
    FROM cited
    GROUP BY ALL
),
final AS (
    SELECT d.document_id, d.title, d.publisher, d.published, d.url, d.imported_on, b.kind, b.rows
    FROM documents AS d
    LEFT JOIN by_document AS b USING (document_id)
)
SELECT * FROM final
ORDER BY imported_on NULLS FIRST, published DESC NULLS LAST, title, rows DESC
