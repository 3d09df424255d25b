"""SQLMesh imports the Python files of materializations/ first on every project load (the folder is
where a project says how model tables are written). Catwalk writes every batch atomically and
publishes it only after its audits pass (catwalk/publish.py); importing it here makes bare
`sqlmesh plan` and `sqlmesh run` behave as `catwalk run` does."""

from catwalk.publish import install

install()
