AUDIT (
    name assert_opening_hours,
    blocking TRUE
);

/* Spot checks of the opening-hours rules: each expected day either has
   the wrong hours or is missing (expected_open) / present (expected closed). Returns failing days. */
WITH expected AS (
    SELECT
        date_day::DATE AS date_day
        , expected_open
        , expected_opening_hour
        , expected_closing_hour
    FROM (VALUES
        ('2019-01-01', TRUE, 10, 16)
        , ('2019-01-02', TRUE, 8, 20)
        , ('2019-01-03', TRUE, 8, 20)
        , ('2019-01-04', TRUE, 8, 20)
        , ('2019-01-05', TRUE, 10, 16)
        , ('2019-01-06', TRUE, 10, 16)
        , ('2017-09-03', FALSE, NULL, NULL)
        , ('2017-06-09', TRUE, 8, 17)
        , ('2017-08-04', TRUE, 8, 20)
        , ('2017-11-05', TRUE, 10, 16)
        , ('2017-12-25', FALSE, NULL, NULL)
        , ('2018-12-25', TRUE, 10, 16)
        , ('2026-03-08', TRUE, 10, 16)
        , ('2026-11-02', TRUE, 8, 20)) AS checks(date_day, expected_open, expected_opening_hour, expected_closing_hour)
)
SELECT
    expected.date_day
    , expected.expected_open
    , opening_hours.opening_hour_est
    , opening_hours.closing_hour_est
FROM expected
LEFT JOIN @this_model AS opening_hours
    ON expected.date_day = opening_hours.date_day
WHERE
    expected.date_day <= @execution_ds::DATE
    AND (
        (
            expected.expected_open AND opening_hours.date_day IS NULL
        )
        OR (
            NOT expected.expected_open AND NOT opening_hours.date_day IS NULL
        )
        OR (
            expected.expected_open
            AND (
                EXTRACT(HOUR FROM opening_hours.opening_hour_est) <> expected.expected_opening_hour
                OR EXTRACT(HOUR FROM opening_hours.closing_hour_est) <> expected.expected_closing_hour
            )
        )
    )
