MODEL (
  name analytics.github_repo_whitelist,
  kind SEED (
    path '$root/seeds/data_engineering_repo_white_list.csv'
  ),
  columns (
    repo_name TEXT,
    stage TEXT,
    type TEXT,
    whitelist_date DATE
  ),
  owner analytics,
  grain repo_name,
  tags (base, seed, github, product),
  audits (unique_values(columns := (
      repo_name
    )), not_null(columns := (
      repo_name
  ))),
  description 'Reference seed data_engineering_repo_white_list: the engineering repositories and their lifecycle stage (Production, Development, Data-Infrastructure, Tooling, Experiment, Code Challenge, Archived, Deprecated or empty) and type (Code, Data, Mixed or empty), with the date from which their deploys count (1970-01-01 = always). The seed column is repo_name: the original seed named it name while its base selected repo_name, which could not run. Synthetic list (the original held 261 repositories).',
  column_descriptions (
    repo_name = 'Repository name',
    stage = 'Lifecycle stage of the repository (empty when unknown)',
    type = 'Kind of repository: Code, Data, Mixed (empty when unknown)',
    whitelist_date = 'Date from which merged pull requests count as deploys'
  )
)
