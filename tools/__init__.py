"""Build-time code, run from a checkout and never installed (pyproject.toml's package list leaves it out):
`python -m tools.case_model` generates the case model's files from its pydantic classes."""
