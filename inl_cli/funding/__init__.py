"""Funding: U.S. foreign-assistance spending from ForeignAssistance.gov, for INL's countries.

`inl funding import` scans the site's CSV downloads (the complete dataset of about 4 million transactions,
or a country's download) and keeps INL's rows, summed, in a small CSV extract; `inl funding` reads the
extract into tables and a chart. The modules here import neither Click nor Rich, so each part can be
tested alone; only `source` and `build` import DuckDB, and only the import runs them:

- `columns`: the source files' column names, transaction types and country codes, found by name.
- `source`: one source file into DuckDB, the rows of a filter summed, every bad row named by its number.
- `build`: the files' sums made into the extract (codes, types and years written one way), by DuckDB.
- `place`: where the extract lives (the data folder, or the file --funding names).
- `extract`: the extract's columns, and reading it fast.
- Fiscal years (October to September, and 1976's transition quarter) are `inl_cli.fiscal`'s, and
  amounts as people read them ($1.2M) `inl_cli.money`'s: the views and renderers share both.
- `summary`, `activities`: sums into typed rows by country and year or another key; `summary.year_totals`
  gives a report each country's per-fiscal-year totals.
- `tables`, `chart`: a summary as the views' tables (the one place that builds them) and as the lines of
  a bar chart.
"""
