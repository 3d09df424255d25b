AUDIT (
    name assert_tableau_only_completed_periods_filled,
    blocking TRUE
);

/* Scorecard rule (Tableau marts): only completed periods carry values. Fails on any row whose
   period is not completed (is_completed false) but where one of the value columns passed in
   `columns` is set. Blocking: a dashboard would show a partial period as a final number.
   Usage: assert_tableau_only_completed_periods_filled(columns := (nps, respondents_count)) */
SELECT
    *
FROM @this_model
WHERE
    NOT is_completed AND (
        @REDUCE(@EACH(@columns, c -> NOT c IS NULL), (l, r) -> l OR r)
    )
