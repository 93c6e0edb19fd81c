"""The plain grid (render/plain.py) draws exactly what Rich draws, byte for byte.

Unstyled output (piped, into a file) is drawn by `plain`; the reference is Rich's own
rendering of the same renderables, which `terminal` falls back to when `plain` raises
Unsupported. Every comparison here asserts that `plain` really drew its side.

Left out, where Rich itself misbehaves (the plain side may differ, or both fail):
- U+200D ZERO WIDTH JOINER: Rich 15's cell_len counts the character after it while
  split_graphemes does not, so rows misalign, and "\\u200d\\u200dＢCôte" in a column
  about 2 cells wide raises IndexError in rich.cells._split_text (in both paths, since
  plain hands such a cell to Rich).
- U+2028/U+2029 and other line separators never reach a table from the views (render.clean
  escapes them); drawn from Rich objects directly, plain follows Rich's splitlines.
"""
import random

import pytest
from rich.box import HEAVY_HEAD, ROUNDED
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Span, Text

from inl_cli import views
from inl_cli.load import bundled_path, load
from inl_cli.render import plain, terminal
from inl_cli.views import Column

WIDTHS = (20, 40, 60, 80, 120, 200)
RICH_MISBEHAVES = "\u200d"
PIECES = ("police", "court", "a", "Côte", "d'Ivoire", "2015–2018", "漢字", "ＢＣ", "e\u0301", "a\u0300\u0301",
          "\u200b", "\t", "\n", "\n\n", "👍", "x" * 45, "supercalifragilisticexpialidocious", " ", "   ", "-",
          "’", "\u00a0", "\u3000", "\ufe0f", "\u00ad", "https://example.org/a/very/long/address/that/never/wraps")


@pytest.fixture
def drawn(monkeypatch):
    """draw(tables, width) -> (plain's text, Rich's text), at a console that shows no styles."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    chunks = plain.chunks
    used = []

    def counted(*args, **kwargs):
        yield from chunks(*args, **kwargs)
        used.append(True)

    def refused(*args, **kwargs):
        raise plain.Unsupported("the reference")
        yield

    def draw(tables, width):
        used.clear()
        monkeypatch.setattr(plain, "chunks", counted)
        mine = terminal.render(tables, width)
        assert len(used) == len(tables), "plain fell back to Rich"
        monkeypatch.setattr(plain, "chunks", refused)
        theirs = terminal.render(tables, width)
        monkeypatch.setattr(plain, "chunks", chunks)
        return mine, theirs

    return draw


def every_view(programs) -> dict:
    return {**{name: view(programs) for name, view in views.SECTIONS.items()},
            "timeline": views.timeline(programs, undated=True),
            "countries": views.countries(programs),
            "search": views.search(programs, "police"),
            "totals": views.totals(programs)}


@pytest.fixture
def two_countries(tmp_path):
    text = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8")
    (tmp_path / "ci.yaml").write_text(text, encoding="utf-8")
    other = text.replace("name: Côte d'Ivoire", "name: Testland").replace('code: "CI"', 'code: "TL"')
    (tmp_path / "tl.yaml").write_text(other, encoding="utf-8")
    return load(tmp_path)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_of_the_bundled_program(drawn, width):
    for name, table in every_view(load(None)).items():
        mine, theirs = drawn([table], width)
        assert mine == theirs, name


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_of_two_countries(drawn, two_countries, width):
    for name, table in every_view(two_countries).items():
        mine, theirs = drawn([table], width)
        assert mine == theirs, name


def made_up_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(("", " ")) for _ in range(rng.randint(0, 12)))


def made_up_table(rng: random.Random) -> views.Table:
    count = rng.randint(1, 6)
    columns = [Column(f"c{n}", rng.choice(("Title", "When", "A much longer header", "漢字", "x", "Ｂ\te")))
               for n in range(count)]
    highlight = rng.random() < 0.3
    if highlight:
        columns += [Column("text", "Text", highlight="spans"), Column("spans", "Spans", human=False)]
    rows = []
    for _ in range(rng.randint(1, 5)):
        row = {f"c{n}": made_up_text(rng) for n in range(count)}
        if highlight:
            text, spans, at = made_up_text(rng), [], 0
            while at < len(text) and rng.random() < 0.6:
                start = rng.randint(at, len(text))
                at = rng.randint(start, len(text))
                spans.append((start, at))
            row.update(text=text, spans=spans)
        rows.append(row)
    note = rng.choice(("", "a note " + made_up_text(rng)))
    return views.Table("made-up", made_up_text(rng)[:30] or "T", tuple(columns), rows, note)


@pytest.mark.parametrize("seed", range(3))
def test_made_up_text_wide_combining_zero_width_tabs_newlines_long_words(drawn, seed):
    rng = random.Random(seed)
    for _ in range(30):
        table = made_up_table(rng)
        assert not any(RICH_MISBEHAVES in str(row) for row in table.rows)
        for width in WIDTHS:
            mine, theirs = drawn([table], width)
            assert mine == theirs, (width, table.rows)


def by_rich(renderable, width: int) -> str:
    console = Console(width=width, highlight=False, emoji=False, markup=False, color_system=None)
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


def by_plain(renderable, width: int) -> str:
    console = Console(width=width, highlight=False, emoji=False, markup=False, color_system=None)
    return "".join(plain.chunks(console, renderable, crop=False))


def settings_table(rng: random.Random) -> Group:
    """Rich objects with the settings plain follows, and text views never hold (U+2028 among it)."""
    table = (Table.grid(padding=(0, 1, 0, 0)) if rng.random() < 0.3 else
             Table(title=rng.choice((None, "A title that may wrap")), show_lines=rng.random() < 0.5,
                   show_edge=rng.random() < 0.8, show_header=rng.random() < 0.8, box=rng.choice((None, HEAVY_HEAD, ROUNDED)),
                   pad_edge=rng.random() < 0.8, padding=rng.choice(((0, 1), (0, 2), (0, 0, 0, 1)))))
    for _ in range(rng.randint(1, 4)):
        table.add_column(made_up_text(rng)[:12], justify=rng.choice(("left", "center", "right", "default")),
                         overflow=rng.choice(("fold", "crop", "ellipsis")), no_wrap=rng.random() < 0.2,
                         vertical=rng.choice(("top", "middle", "bottom")),
                         width=rng.choice((None, None, rng.randint(1, 30))),
                         min_width=rng.choice((None, rng.randint(1, 20))), max_width=rng.choice((None, 25)))
    for _ in range(rng.randint(1, 4)):
        cells = []
        for _ in table.columns:
            text = made_up_text(rng) + rng.choice(("", "\u2028 line", "\u2029"))
            cells.append(rng.choice((text, Text(text, spans=[Span(0, 1, "bold")]),
                                     Text(text, justify=rng.choice(("center", "right", None))))))
        table.add_row(*cells, end_section=rng.random() < 0.2)
    return Group(Text("A heading"), Rule(characters="─"), table, Padding("indented", (0, 0, 0, 2)))


@pytest.mark.parametrize("seed", range(3))
def test_rich_objects_with_every_setting_plain_follows(seed):
    rng = random.Random(seed)
    for _ in range(40):
        group = settings_table(rng)
        for width in WIDTHS:
            assert by_plain(group, width) == by_rich(group, width)


def test_what_plain_does_not_follow_is_left_to_rich():
    table = Table(expand=True)
    table.add_column("A")
    table.add_row("x")
    with pytest.raises(plain.Unsupported):
        by_plain(table, 40)
    assert terminal.render([views.Table("t", "T", (Column("a", "A"),), [{"a": "x"}], "")], 40).startswith("T\n")
