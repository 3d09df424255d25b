MODEL (
    name analytics.coredata_practitioners,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain user_id,
    tags (base, coredata, staffing),
    audits (
        unique_values(columns := (
            user_id
        ))
        , not_null(columns := (user_id, main_specialization))
        , accepted_values(
            "column" := main_specialization,
            is_in := (
                'N/A'
                , 'Nurse Clinician'
                , 'Family Physician'
                , 'Care Coordinator'
                , 'Physiotherapist'
                , 'Nurse Practitioner'
                , 'Psychologist'
                , 'Nutritionist'
                , 'Psychotherapist'
                , 'Work & Life Coach'
            )
        )
    ),
    description 'One row per practitioner of the coredata directory (replica table coredata.practitioner). FULL, refreshed by the 07:00 and 18:00 UTC runs: the replica is small and updated in place. The specialization is normalised: null becomes N/A, Medical Assistant becomes Care Coordinator and Nurse becomes Nurse Clinician.'
);

WITH practitioner AS (
    SELECT
        id
        , main_specialization
    FROM coredata.practitioner
    WHERE
        NOT id IS NULL
)
SELECT
    id::TEXT AS user_id /* Practitioner id = Scribe user id */
    , (
        CASE
            WHEN main_specialization IS NULL OR main_specialization = ''
            THEN 'N/A'
            WHEN main_specialization = 'Medical Assistant'
            THEN 'Care Coordinator'
            WHEN main_specialization = 'Nurse'
            THEN 'Nurse Clinician'
            ELSE main_specialization
        END
    )::TEXT AS main_specialization /* Normalised specialization (Medical Assistant -> Care Coordinator, Nurse -> Nurse Clinician, null -> N/A) */
FROM practitioner
