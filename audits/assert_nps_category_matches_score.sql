AUDIT (
    name assert_nps_category_matches_score,
    blocking TRUE
);

/* NPS categories: 0-6 detractor, 7-8 passive, 9-10 promoter. Blocking: an
   invariant of every model that carries a score and its category. */
SELECT
    score
    , category
FROM @this_model
WHERE
    score < 0
    OR score > 10
    OR category IS DISTINCT FROM CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' WHEN score >= 0 THEN 'detractor' END
