"""Funding: U.S. foreign-assistance spending from ForeignAssistance.gov, for INL's countries.

`inl funding import` scans the site's CSV downloads (the complete dataset of about 4 million transactions,
or a country's download) and keeps INL's rows, summed, in a small CSV extract; `inl funding` reads the
extract into tables and a chart. The modules here import no Click, so each part can be tested alone:

- `columns`: the source files' column names and transaction types, found by name.
- `source`: the scan of source files with DuckDB, the only module that imports it (only the import runs it).
- `extract`: the extract's columns, where it lives, writing and reading it.
- `years`, `money`: fiscal years (October to September, and 1976's transition quarter) and amounts as
  people read them ($1.2M).
- `summary`: filters and sums into typed rows; `year_totals` gives a report the totals of some countries.
- `tables`, `chart`: the summary as view tables (the one place that builds them) and as a bar chart.
"""
