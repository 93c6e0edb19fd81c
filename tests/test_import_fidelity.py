"""Fidelity: every sentence of a page lands in the draft (a section, an item's text, or a note that quotes it),
nothing in the draft is invented, and the notes stay few. Run on small pages written here (always) and on
INL's stored pages in ../shared/source (skipped without them, unless INL_CI=1)."""
from pathlib import Path

import pytest
from conftest import require_shared, shared_source

from inl_cli.importer import fidelity, glue, read_page, to_yaml
from inl_cli.load import parse
from inl_cli.model import Program

MISSION = ("The U.S. Department of State's Bureau of International Narcotics and Law Enforcement Affairs (INL) "
           "works to keep Americans safe at home by countering international crime, illegal drugs, and "
           "instability abroad. INL helps countries deliver justice and fairness by strengthening their police, "
           "courts, and corrections systems. These efforts reduce the amount of crime and illegal drugs reaching "
           "U.S. shores.\n\n")

#: Small pages, each with the variations a real page has: praise, funding, history, pointers, offers, a
#: paragraph of past actions under another label, lists in titles, abbreviations, dated goals, page ends.
PAGES = {
    "praise, history, funding, pointer and offer": (
        f"{MISSION}The United States has had a diplomatic presence in Freedonia for 150 years. Freedonia is an "
        "exceptional U.S. partner in the region.\n\nChallenges: Freedonia is a stable democracy with a free and fair "
        "press. However, its ports are a transit point for cocaine, and its prisons are overcrowded. INL has the "
        "opportunity to help the Prison Administration improve conditions.\n\nGoals: INL's program aims to "
        "strengthen the courts. INL programs in Freedonia are funded through the Trans-Sahara Counterterrorism "
        "Partnership. In 2011, INL launched the West Africa Cooperative Security Initiative to build regional "
        "capacity.\n\nFor additional information, please see the International Narcotics Control Strategy "
        "Report.\n"),
    "a paragraph of past actions under Challenges": (
        "Challenges: Freedonia's police lack training and equipment.\n\nIn 2016, INL trained 300 officers in St. "
        "Louis. In 2018, INL equipped 12 stations and mentored 40 prosecutors. Beginning in 2017an INL advisor has "
        "helped the Freedonian National Police build a cadre of instructors in weapons safety.\n\nGoals: INL "
        "supports the police.\n"),
    "labels missing, aims under a context heading": (
        f"{MISSION}Strategic Context\n\nCartels traffic heroin and fentanyl through Freedonia. Of the more than "
        "72,000 deaths from overdoses in 2017, most involved fentanyl. To confront these threats, the United "
        "States and Freedonia work together to dismantle the cartels.\n\nUNMIL, which had played a critical role "
        "in stabilizing Freedonia after 2003, withdrew in March 2018.\n"),
    "a list cut by the page's end": (
        "Challenges: Freedonia's prisons are crowded.\n\nGoals: INL's corrections program supports "
        "Freedonian-led efforts to provide safe, secure, and humane detention at the country's prisons. "
        "INL's corrections\n"),
    "lists announced by lead-ins": (
        "Challenges: Freedonia faces corruption.\n\nKey challenges include:\n• weak border controls;\n• an "
        "overburdened court system.\n\nGoals: INL's goals in Freedonia are to:\n• strengthen the police;\n• reform "
        "the courts.\n\nAccomplishments: From 2016 to 2019, INL trained 1,500 prosecutors and, in 2018, the new "
        "anti-corruption court opened with INL support. The United States has been Freedonia's largest donor.\n"),
    "a lone dash and a fragment at the end": (
        "Challenges: Freedonia's courts are slow and corrupt.\n\nAccomplishments:\n• In 2019, INL trained 40 "
        "judges.\n\n-\n"),
}


def draft(text: str) -> dict:
    program = read_page(text, country="Freedonia")
    checked = parse(to_yaml(program, "page.txt"), "draft.yaml")
    assert isinstance(checked, Program), checked
    return program


def notes(program: dict) -> list[str]:
    return [note for _, note in fidelity._notes(program)]


@pytest.mark.parametrize("name", PAGES)
def test_every_sentence_of_a_small_page_lands_somewhere_and_nothing_is_invented(name):
    text = PAGES[name]
    program = draft(text)
    lost = [t.sentence for t in fidelity.trace(text, program) if t.where is None]
    assert lost == []
    assert fidelity.invented(text, program) == []


def test_praise_history_and_pointers_are_left_out_in_one_note_and_funding_is_kept():
    program = draft(PAGES["praise, history, funding, pointer and offer"])
    left_out = [n for n in program["_notes"] if n.startswith("left out")]
    assert len(left_out) == 1
    for quoted in ("diplomatic presence in Freedonia for 150 years", "exceptional U.S. partner",
                   "stable democracy", "International Narcotics Control Strategy Report"):
        assert quoted in left_out[0]
    assert [c["text"] for c in program["challenges"]] == [
        "However, its ports are a transit point for cocaine, and its prisons are overcrowded."]
    goals = [g["text"] for g in program["goals"]]
    assert goals[0] == "INL has the opportunity to help the Prison Administration improve conditions."
    assert "In 2011, INL launched the West Africa Cooperative Security Initiative to build regional capacity." \
        in goals  # a dated step under Goals stays a goal, its date in its text
    assert not any("funded" in g for g in goals)
    assert any("Trans-Sahara Counterterrorism Partnership" in n for n in program["_notes"]) or \
        program.get("funding_notes")


def test_a_paragraph_of_past_actions_is_accomplishments_whole_sentences_kept():
    program = draft(PAGES["a paragraph of past actions under Challenges"])
    assert [c["text"] for c in program["challenges"]] == ["Freedonia's police lack training and equipment."]
    summaries = [a["summary"] for a in program["accomplishments"]]
    assert summaries[0] == "In 2016, INL trained 300 officers in St. Louis."  # not split at "St."
    assert summaries[-1] == ("Beginning in 2017 an INL advisor has helped the Freedonian National Police build a "
                             "cadre of instructors in weapons safety.")
    assert [str(a.get("date")) for a in program["accomplishments"]] == ["2016", "2018", "2017"]


def test_aims_without_a_goals_label_are_goals_and_events_keep_their_subject():
    program = draft(PAGES["labels missing, aims under a context heading"])
    assert [g["text"] for g in program["goals"]] == [
        "To confront these threats, the United States and Freedonia work together to dismantle the cartels."]
    events = {e["title"] for c in program["challenges"] for e in c.get("events", ())}
    assert "Of the more than 72,000 deaths from overdoses in 2017, most involved fentanyl" in events
    assert ("UNMIL, which had played a critical role in stabilizing Freedonia after 2003, withdrew in March 2018"
            in events)


def test_a_title_cut_in_a_list_ends_in_an_ellipsis_and_a_cut_fragment_is_a_note():
    program = draft(PAGES["a list cut by the page's end"])
    [goal] = program["goals"]
    assert goal["title"].endswith("…") and goal["text"].endswith("humane detention at the country's prisons.")
    assert any("INL's corrections" in n and "too little" in n for n in program["_notes"])


def test_list_items_keep_their_lead_in_and_titles_keep_a_clause_of_their_own():
    program = draft(PAGES["lists announced by lead-ins"])
    assert [(g["title"], g["text"]) for g in program["goals"]] == [
        ("Strengthen the police", "INL's goals in Freedonia are to: strengthen the police;"),
        ("Reform the courts", "INL's goals in Freedonia are to: reform the courts.")]
    assert [c["title"] for c in program["challenges"]][1:] == ["Weak border controls", "An overburdened court system"]
    [item] = program["accomplishments"]
    assert ",," not in item["title"] and item["title"].startswith("INL trained 1,500 prosecutors and, in 2018,")
    assert any("largest donor" in note for note in program["_notes"])


def test_nothing_is_made_of_a_lone_dash():
    program = draft(PAGES["a lone dash and a fragment at the end"])
    assert [a["summary"] for a in program["accomplishments"]] == ["In 2019, INL trained 40 judges."]
    assert not any("Untitled" in a["title"] for a in program["accomplishments"])
    assert not any("stops" in n for n in notes(program))


def _shared() -> Path:
    return require_shared()


_FOUND = shared_source()
STORED = (sorted(p.name for p in (_FOUND / "pages").glob("*.txt")) + ["../cote-divoire-summary.txt"]
          if _FOUND else ["(shared pages missing)"])


@pytest.mark.parametrize("name", STORED)
def test_every_sentence_of_a_stored_page_lands_somewhere(name):
    path = _shared() / "pages" / name
    text = path.read_text(encoding="utf-8")
    program = read_page(text)
    assert isinstance(parse(to_yaml(program, name), "draft.yaml"), Program)
    traces = fidelity.trace(text, program)
    assert [t.sentence for t in traces if t.where is None] == []
    assert fidelity.invented(text, program) == []
    assert len(notes(program)) <= 8, notes(program)


def test_the_stored_pages_carry_few_notes():
    pages = sorted((_shared() / "pages").glob("*.txt"))
    counts = [len(notes(read_page(p.read_text(encoding="utf-8")))) for p in pages]
    assert sum(counts) / len(counts) <= 6, counts


def test_the_cote_divoire_page_keeps_its_spelling_and_lists_no_terrorism_as_a_crime():
    text = (_shared() / "cote-divoire-summary.txt").read_text(encoding="utf-8")
    program = read_page(text)
    document = to_yaml(program, "page.txt")
    assert "Ivoirian National Police" in document and "Ivorian people" in document  # both, as the page has them
    if glue._word_list() is not None:  # the word list mends "taddress"
        assert "toolkit to address crime" in document
    assert [g.get("crimes") for g in program["goals"] if g.get("crimes")] == [
        ["trafficking in persons", "trafficking in illicit goods"]]
    assert "UN Development Program" in [p["name"] for p in program["partners"]]


def test_the_cote_divoire_page_imports_to_the_bundled_facts_in_the_pages_own_words():
    """The facts of data/cote_divoire.yaml: dates, partners, milestones and results; names compared as the
    page writes them ("Ivoirian", "UN Development Program") against the bundled file's ("Ivorian", "United
    Nations Development Programme"), through the demonym table and the known bodies' other names."""
    from inl_cli.importer.country import demonyms
    from inl_cli.load import bundled_path, load

    text = (_shared() / "cote-divoire-summary.txt").read_text(encoding="utf-8")
    program = read_page(text)
    mine = parse(to_yaml(program, "page.txt"), "draft.yaml")
    [bundled] = load(bundled_path() / "cote_divoire.yaml")
    spellings = demonyms("CI")
    other_names = {p["name"]: " / ".join(p["also_known_as"]) for p in program["partners"] if p.get("also_known_as")}

    def same(name):
        for spelling in spellings:
            name = name.replace(spelling, spellings[0])
        return name

    def facts(program, page):
        names = {p.id: p.name for p in program.partners}

        def name(pid):
            written = names[pid]
            known = other_names.get(written, "") if page else ""
            bundled_name = next((b.name for b in bundled.partners if b.name in known), written)
            return same(bundled_name)

        return [(str(a.date) if a.date else None, sorted(name(p) for p in a.partners),
                 [(str(m.date), sorted(name(p) for p in m.partners)) for m in a.milestones],
                 [(r.value, r.qualifier, r.unit.split()[-1]) for r in a.results]) for a in program.accomplishments]

    assert facts(mine, True) == facts(bundled, False)
    assert [str(e.date) for c in mine.challenges for e in c.events] == ["2011"]
    assert sorted(same(p.name) for p in mine.partners if p.name not in other_names) == sorted(
        same(p.name) for p in bundled.partners if p.abbreviation != "UNDP")
