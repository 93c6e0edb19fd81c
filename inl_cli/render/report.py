"""How a report lays out its views, the same in Markdown and HTML.

- The overview leaves out the source: a report names it once, in its Source section.
- Every table starts with When (after Country), so the results table reads like the others.
- Columns that are empty in every row are left out.
"""
from __future__ import annotations

#: The overview's rows that name the source, which a report gives once, in its Source section.
SOURCE_FIELDS = ("Source", "Address")
#: The sections a report shows as one block per accomplishment rather than as a table.
BLOCKS = ("details",)


def arrange(table):
    """The table as a report shows it: see the module's docstring."""
    rows = table.rows
    if table.name == "overview":
        rows = [row for row in rows if row.get("field") not in SOURCE_FIELDS]
    columns = list(table.columns)
    keys = [c.key for c in columns]
    if "when" in keys:
        when = columns.pop(keys.index("when"))
        columns.insert(1 if keys[0] == "country" else 0, when)
    kept = tuple(c for c in columns
                 if not c.human or c.kind == "date" or any(_filled(row.get(c.key)) for row in rows))
    return table._replace(columns=kept, rows=rows)


def _filled(value) -> bool:
    return value is not None and value != "" and value != [] and value != ()
