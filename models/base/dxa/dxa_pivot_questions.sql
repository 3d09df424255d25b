MODEL (
  name analytics.dxa_pivot_questions,
  kind SEED (
    path '$root/seeds/data_dxa_pivot_questions.csv'
  ),
  columns (
    question_name TEXT,
    kind TEXT,
    description TEXT
  ),
  owner analytics,
  grain question_name,
  tags (base, seed, dxa),
  audits (
    unique_values(columns := (
      question_name
    )),
    not_null(columns := (question_name, kind, description)),
    accepted_values("column" := kind, is_in := ('bool', 'multi'))
  ),
  description 'Reference seed data_dxa_pivot_questions: the DXA questions that get a column of their own in dxa_bool_pivoted (kind bool: yes/no questions, named by their normalised question name such as angor_repos__yn) and dxa_multi_pivoted (kind multi: multiple-choice questions, named by the label prefix such as iqr_doul_endroits). The original pivoted every question name found in the data when it compiled, so its columns moved with the data; here a question gets a column when it gets a row in this seed (the pivot macros read the file, and the description becomes the column comment).',
  column_descriptions (
    question_name = 'Pivoted question: the column name in the pivot (normalised DXA question name for bool, label prefix for multi)',
    kind = 'bool (a yes/no question, pivoted by dxa_bool_pivoted) or multi (a multiple-choice question, pivoted by dxa_multi_pivoted)',
    description = 'What the answer means; the comment of the pivot column'
  )
)
