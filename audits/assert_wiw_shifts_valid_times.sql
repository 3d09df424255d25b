AUDIT (
    name assert_wiw_shifts_valid_times,
    blocking FALSE
);

/* Shift times and breaks as When I Work delivered them are usable: a shift ends at or after its
   start, its break is not negative and not longer than the shift. Non-blocking: the tap delivers
   what managers typed, and such a shift's hours are null (not negative) in the model, so prod
   keeps running; each failing row names the shift, its times and its break. */
SELECT
    audited.shift_id
    , audited.start_time
    , audited.end_time
    , audited.break_time
    , CASE
        WHEN audited.end_time < audited.start_time
        THEN 'ends before it starts'
        WHEN audited.break_time < 0
        THEN 'negative break'
        ELSE 'break longer than the shift'
    END AS problem
FROM @this_model AS audited
WHERE
    audited.end_time < audited.start_time
    OR audited.break_time < 0
    OR audited.break_time > @seconds_between(audited.start_time, audited.end_time) / 3600.0
