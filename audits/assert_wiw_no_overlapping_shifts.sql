AUDIT (
    name assert_wiw_no_overlapping_shifts,
    blocking TRUE
);

/* A When I Work user never has two overlapping past published shifts; back-to-back shifts may
   touch within one second. Shifts without a user (open shifts) are ignored. */
SELECT
    shift.shift_id
    , other.shift_id AS overlapping_shift_id
    , shift.wiw_user_id
FROM @this_model AS shift
INNER JOIN @this_model AS other
    ON shift.wiw_user_id = other.wiw_user_id
    AND shift.shift_id < other.shift_id
    AND shift.start_time < other.end_time - INTERVAL '1' SECOND
    AND other.start_time < shift.end_time - INTERVAL '1' SECOND
WHERE
    shift.end_time < @execution_ts::TIMESTAMPTZ AND other.end_time < @execution_ts::TIMESTAMPTZ
