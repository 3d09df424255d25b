AUDIT (
    name assert_videos_paired_within_90_minutes,
    blocking TRUE
);

/* Every completed video ends at or after its start and within 90 minutes. */
SELECT
    video_id
    , video_length
FROM @this_model
WHERE
    video_length < 0 OR video_length > 90
