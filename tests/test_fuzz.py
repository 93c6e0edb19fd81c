"""Mutations of the real data file never crash: each run ends in a program or in data problems.

HYPOTHESIS_PROFILE=long runs 5,000 examples (the default profile runs 150).
"""

from hypothesis import event, given
from hypothesis import strategies as st

from inl_cli import export, views
from inl_cli.load import bundled_path, parse
from inl_cli.model import Program
from inl_cli.query import Window
from inl_cli.render import FORMATS, get
from inl_cli.render.terminal import render_chart
from inl_cli.spec import Problem

LINES = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8").splitlines()
VALUES = ["[1, 2]", "{a: 1}", "123", "-7.5", "true", "null", '""', "2013-13", '"2020-02-30"', "*nothing",
          "&x 1", "!!python/object/apply:os.system [id]", "\t", "'", "{start: '2019', end: '2011'}", "9" * 40,
          "\x1b[31m", "[bold]x[/]", "\u202e", "\x00"]


def mutate(lines, action, index, other, value):
    lines = list(lines)
    i, j = index % len(lines), other % len(lines)
    if action == "delete":
        del lines[i]
    elif action == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif action == "inject":
        at = j % (len(lines[i]) + 1)
        lines[i] = lines[i][:at] + value + lines[i][at:]
    elif action == "retype" and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {value}"
    elif action == "duplicate":
        lines.insert(i, lines[j])
    return lines


mutations = st.lists(st.tuples(st.sampled_from(["delete", "swap", "inject", "retype", "duplicate"]),
                               st.integers(0, 10_000), st.integers(0, 10_000),
                               st.sampled_from(VALUES) | st.text(max_size=8)), min_size=1, max_size=4)


@given(mutations)
def test_mutated_data_is_a_program_or_clean_problems(steps):
    lines = LINES
    for step in steps:
        lines = mutate(lines, *step)
    outcome = parse("\n".join(lines) + "\n", "fuzz.yaml")
    if not isinstance(outcome, Program):
        event("data problems")
        assert outcome and all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in outcome)
        return
    event("a valid program, rendered in every format")
    programs = [outcome]
    tables = [view(programs) for view in views.SECTIONS.values()]
    tables.append(views.timeline(programs, Window(), undated=True))
    for name in FORMATS:
        for table in tables:
            get(name).render([table], 40)
    render_chart(tables[-1], 60)
    for build in export.FORMATS.values():
        build(programs, ("timeline",) if build is export.csv else ())
