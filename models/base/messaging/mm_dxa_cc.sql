MODEL (
  name analytics.mm_dxa_cc,
  kind SEED (
    path '$root/seeds/data_mm_dxa_cc.csv'
  ),
  columns (
    episode_id TEXT,
    cc TEXT,
    "timestamp" TIMESTAMPTZ
  ),
  owner analytics,
  grain (episode_id, cc),
  tags (base, seed, messaging, care),
  audits (
    unique_combination_of_columns(columns := (episode_id, cc)),
    not_null(columns := (episode_id, cc, "timestamp"))
  ),
  description 'Reference seed data_mm_dxa_cc: the manual DXA launches typed in Mattermost before Segment tracked them, one row per episode and chief-complaint code, the first such post. A one-off extract of the Mattermost posts whose message starts with /q dxa cc, before 2018-11-10 00:00 UTC: cc is the message without its /q dxa prefix, trimmed; timestamp is the earliest such post of the episode and code. Codes are reproduced as typed, malformed ones included (cc alone, cc 24 with a space). The rows are synthetic (the original extract names real episodes). Standalone: dxa_launched_cc does not read this backfill (its description says so). Differs from the original: timestamp is a UTC TIMESTAMPTZ (the original typed it as a naive timestamp while the values carry +00).',
  column_descriptions (
    episode_id = 'Episode (Mattermost channel) the DXA was launched on',
    cc = 'Chief-complaint code as typed after /q dxa (cc1, cc24, ...; malformed codes kept)',
    "timestamp" = 'Earliest Mattermost post launching that code on the episode (UTC)'
  )
)
