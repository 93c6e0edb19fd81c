"""Mutations of the real data file never crash: each run ends in a program or in data problems.

Either YAML parser (libyaml or pure Python) is drawn for each example; a program
is rendered in every format, and no human format lets a control character through.
HYPOTHESIS_PROFILE=long runs 20,000 examples (the default profile runs 150).
"""

import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from inl_cli import export, views, yamlnodes
from inl_cli.formats import VIEW
from inl_cli.kinds import Problem
from inl_cli.load import bundled_path, parse
from inl_cli.model import Program
from inl_cli.query import Window
from inl_cli.render import get
from inl_cli.render.terminal import render_chart

LINES = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8").splitlines()
VALUES = ["[1, 2]", "{a: 1}", "123", "-7.5", "true", "null", '""', "2013-13", '"2020-02-30"', "*nothing",
          "&x 1", "!!python/object/apply:os.system [id]", "\t", "'", "{start: '2019', end: '2011'}", "9" * 40,
          "\x1b[31m", "[bold]x[/]", "\u202e", "\x00",
          # issue 12: years past the limits, hex and sexagesimal integers, huge numbers, controls, anchors, depth
          '"9999"', '"9999-12"', '"9999-12-31"', "9999", "{start: '2019', end: '9999'}", '"0999"', "0x1", "0b1",
          "1:00", "190:20:30.15", "1.0e+999", "9" * 400, "9" * 5000, "\x9b31m", "\x7f", "\u2066", "\r",
          "\x1b]52;c;ZXZpbA==\x07", '"\\e[2K\\r"', '"\\x9b\\u202e"', "!<%1B[2J> x", "!!int id", "!!int", "&a",
          "*a", "&a x\n*a", "[" * 70 + "]" * 70, "{a: " * 70 + "}" * 70, "- " * 70, '"https://x/>)[U](https://e)"']
CONTROLS = ("\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u2066", "\x00")


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


@given(mutations, st.sampled_from(["libyaml", "pure"]))
def test_mutated_data_is_a_program_or_clean_problems(steps, parser):
    lines = LINES
    for step in steps:
        lines = mutate(lines, *step)
    chosen = yamlnodes.LOADER
    yamlnodes.LOADER = yaml.SafeLoader if parser == "pure" else chosen
    try:
        outcome = parse("\n".join(lines) + "\n", "fuzz.yaml")
    finally:
        yamlnodes.LOADER = chosen
    if not isinstance(outcome, Program):
        event("data problems")
        assert outcome and all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in outcome)
        return
    event("a valid program, rendered in every format")
    programs = [outcome]
    tables = [view(programs) for view in views.SECTIONS.values()]
    tables.append(views.timeline(programs, Window(), undated=True))
    for name in VIEW:
        for table in tables:
            text = get(name).render([table], 40)
            if name in ("table", "markdown"):
                assert not any(c in text for c in CONTROLS), (name, table.name)
    assert not any(c in render_chart(tables[-1], 60) for c in CONTROLS)
    for build in export.BUILDERS.values():
        build(programs, ("timeline",) if build is export.csv else ())
