"""`inl import`: a captured summary page becomes a program file that validates."""

import pytest

from inl_cli.load import bundled_path, load, parse

INDEX = "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/"
BANNER = ("An official website of the United States Government Here's how you know\n\n"
          "The U.S. Department of State's Bureau of International Narcotics and Law Enforcement Affairs (INL) "
          "works to keep Americans safe at home.\n\n")
FOOTER = "\n\nU.S. Department of State\n\nThe Lessons of 1989: Freedom and Our Future"


def imported(run, tmp_path, page: str, *args):
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    result = run("import", str(source), *args)
    assert result.exit_code == 0, result.output
    program = parse(result.stdout, "imported.yaml")
    assert hasattr(program, "accomplishments"), program
    return program, result


def page(challenges="Freedonia has made progress since 2009.", goals="INL's program in Freedonia aims to "
         "strengthen the courts.", bullets=("INL trained judges in 2015.",)) -> str:
    items = "\n".join(f"  • {b}" for b in bullets)
    return f"{BANNER}Challenges: {challenges}\n\nGoals: {goals}\n\nAccomplishments:\n\n{items}{FOOTER}"


def test_the_cote_divoire_page_imports_to_the_bundled_facts(run, tmp_path, source_page):
    result = run("import", str(source_page))
    assert result.exit_code == 0, result.output
    mine = parse(result.stdout, "imported.yaml")
    [bundled] = load(bundled_path() / "cote_divoire.yaml")

    # The page writes "Ivoirian" and "UN Development Program"; the bundled file restates them in house words.
    page_words = {"Ivoirian": "Ivorian", "UN Development Program": "United Nations Development Programme"}

    def house(name):
        for written, restated in page_words.items():
            name = name.replace(written, restated)
        return name

    def facts(program):
        names = {p.id: house(p.name) for p in program.partners}
        return [(str(a.date) if a.date else None,
                 sorted(names[p] for p in a.partners),
                 [(str(m.date), sorted(names[p] for p in m.partners)) for m in a.milestones],
                 [(r.value, r.qualifier, r.unit.split()[-1]) for r in a.results])
                for a in program.accomplishments]

    assert facts(mine) == facts(bundled)
    assert [str(e.date) for c in mine.challenges for e in c.events] == ["2011"]
    assert (mine.country.name, mine.country.code) == ("Côte d'Ivoire", "CI")
    assert sorted(house(p.name) for p in mine.partners) == sorted(p.name for p in bundled.partners)
    # The page does not give its own address, and the importer never guesses one: it says so instead.
    assert mine.source.url == INDEX
    assert "# review: the page's own address is not in the text" in result.stdout
    assert 'name: "Ivoirian National Police"' in result.stdout and "to address crime" in result.stdout
    assert "# review: mended 'taddress' as 'to address'" in result.stdout
    assert result.stderr == ("Found 5 accomplishments, 6 dates, 3 results and 5 partners; 4 guesses to review "
                             "(marked '# review:').\n")


def test_the_frame_and_mission_are_not_program_content(run, tmp_path):
    program, result = imported(run, tmp_path, page())
    assert "official website" not in result.stdout and "keep Americans safe" not in result.stdout
    assert "Lessons of 1989" not in result.stdout
    assert [c.text for c in program.challenges] == ["Freedonia has made progress since 2009."]


def test_labels_may_lack_a_colon_or_be_glued_to_the_next_word(run, tmp_path):
    text = (f"{BANNER}ChallengesFreedonia has made progress.\n\nGoals INL's program in Freedonia aims to help."
            f"\n\nAccomplishments\n\n  • INL trained judges in 2015.{FOOTER}")
    program, _ = imported(run, tmp_path, text)
    assert [c.text for c in program.challenges] == ["Freedonia has made progress."]
    assert [g.text for g in program.goals] == ["INL's program in Freedonia aims to help."]
    assert program.country.name == "Freedonia"


def test_missing_labels_are_guessed_by_order_and_flagged(run, tmp_path):
    text = (f"{BANNER}Freedonia has made progress.\n\nINL's program in Freedonia aims to help.\n\n"
            f"  • INL trained judges in 2015.\n  • INL opened a lab in 2017.{FOOTER}")
    program, result = imported(run, tmp_path, text)
    assert [c.text for c in program.challenges] == ["Freedonia has made progress."]
    assert [g.text for g in program.goals] == ["INL's program in Freedonia aims to help."]
    assert [str(a.date) for a in program.accomplishments] == ["2015", "2017"]
    assert ("# review: no label: took a paragraph as challenges by what it says: 'Freedonia has made progress.'…"
            in result.stdout)
    assert ("# review: no label: took a paragraph as goals by what it says: \"INL's program in Freedonia aims to "
            "help.\"…") in result.stdout


def test_glued_sentences_are_split_at_case_and_digit_boundaries(run, tmp_path):
    challenges = ("Freedonia ended a civil war in 2009The government needs help to reform its policeINL "
                  "supports aFreedonian court.")
    program, result = imported(run, tmp_path, page(challenges=challenges))
    assert [c.text for c in program.challenges] == [
        "Freedonia ended a civil war in 2009.", "The government needs help to reform its police."]
    # An aim under Challenges is filed as a goal, and the draft says it moved it.
    assert [g.text for g in program.goals][0] == "INL supports a Freedonian court."
    assert "# review: the page has this under Challenges: filed as a goal (it says what INL aims at)" in result.stdout
    assert [str(e.date) for e in program.challenges[0].events] == ["2009"]


def test_a_bullet_with_two_dated_activities_gets_a_milestone(run, tmp_path):
    bullet = ("In March 2014, INL opened a forensic laboratory with the Freedonian National Police. "
              "In 2016, the Freedonian National Police accredited the laboratory.")
    program, _ = imported(run, tmp_path, page(bullets=(bullet,)))
    [item] = program.accomplishments
    assert str(item.date) == "2014-03"
    assert [(str(m.date), m.title, m.partners) for m in item.milestones] == [
        ("2016", "In 2016, the Freedonian National Police accredited the laboratory", ("freedonian-national-police",))]
    assert [p.name for p in program.partners] == ["Freedonian National Police"]


def test_since_and_spans_and_undated_bullets(run, tmp_path):
    bullets = ("Since 2012, INL has mentored prosecutors.", "From 2015-2018, INL ran a pilot.",
               "INL and Freedonia have worked closely on treatment.")
    program, result = imported(run, tmp_path, page(bullets=bullets))
    assert [str(a.date) if a.date else None for a in program.accomplishments] == ["2012/..", "2015/2018", None]
    assert program.accomplishments[0].date.display() == "since 2012"
    assert "# review: 'Since 2012': ongoing, recorded as an open span" in result.stdout
    assert "no date" not in result.stdout  # an undated item is routine, not a guess to review
    assert program.accomplishments[2].partners == ("government",)


def test_numbers_in_words_and_figures_with_qualifiers(run, tmp_path):
    bullets = ("In 2015, INL trained twelve prosecutors and over 1,500 police officers, and nearly 40 judges "
               "attended dozens of workshops.",)
    program, result = imported(run, tmp_path, page(bullets=bullets))
    assert [(r.value, r.qualifier, r.unit) for r in program.accomplishments[0].results] == [
        (12, "exact", "prosecutors"), (1500, "more_than", "police officers"), (40, "about", "judges")]
    assert "# review: 'nearly' 40 read as about 40" in result.stdout
    assert "# review: 'dozens of' is not a number" in result.stdout


def test_durations_are_neither_dates_nor_results(run, tmp_path):
    bullets = ("In 2016, INL began a 14-year partnership and has supported the courts for 10 years.",)
    program, _ = imported(run, tmp_path, page(bullets=bullets))
    [item] = program.accomplishments
    assert (str(item.date), item.milestones, item.results) == ("2016", (), ())


def test_known_organisations_keep_the_page_s_name_and_get_theirs_aside_with_a_note(run, tmp_path):
    bullets = ("In partnership with the UN Office on Drugs and Crime, INL trained border officials in 2018.",)
    program, result = imported(run, tmp_path, page(bullets=bullets))
    assert [(p.name, p.abbreviation, p.role, p.also_known_as) for p in program.partners] == [
        ("UN Office on Drugs and Crime", None, "implementing partner",
         ("United Nations Office on Drugs and Crime", "UNODC"))]
    assert ("  # review: also_known_as is from the importer's list of known bodies, not the page: check it\n"
            "  - id: ") in result.stdout


def test_country_code_url_and_output_file(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(page(), encoding="utf-8")
    target = tmp_path / "freedonia.yaml"
    result = run("import", str(source), "-o", str(target), "--code", "cv", "--url", "https://example.org/fd")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.endswith(f"; wrote {target}.\n")
    [program] = load(target)
    assert (program.country.code, program.source.url) == ("CV", "https://example.org/fd")


@pytest.mark.parametrize("text, args, message", [
    ("just a line of text\n", [],
     "found no Challenges, Goals or Accomplishments text, so there is nothing to import"),
    ("Accomplishments:\n  • Someone did something in 2015.\n", [],
     "could not tell which country the page is about; give --country NAME"),
])
def test_pages_missing_what_a_program_needs_fail_clearly(run, tmp_path, text, args, message):
    source = tmp_path / "page.txt"
    source.write_text(text, encoding="utf-8")
    result = run("import", str(source), *args)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {source}: {message}\n"


def test_a_country_given_by_hand_is_used(run, tmp_path):
    program, _ = imported(run, tmp_path, "Accomplishments:\n  • INL trained judges in 2015.\n",
                          "--country", "Freedonia")
    assert program.country.name == "Freedonia"


@pytest.mark.parametrize("args, message", [
    (["--code", "C1"], "Error: Invalid value for '--code': expected a two-letter ISO 3166-1 code such as CI, "
                       "got 'C1'"),
    (["--code", "XX"], "Error: Invalid value for '--code': 'XX' is not an ISO 3166-1 alpha-2 country code"),
    (["--url", "example.org"], "Error: Invalid value for '--url': 'example.org': expected an http:// or https:// "
                               "address without spaces, control or invisible characters, quotes, < or >"),
    (["--url", "https://x/>)[a](https://evil)"], "Error: Invalid value for '--url': 'https://x/>)[a](https://evil)': "
                                                 "expected an http:// or https:// address without spaces, control or "
                                                 "invisible characters, quotes, < or >"),
    (["--url", "https://example.org/a\u200bb"], "Error: Invalid value for '--url': 'https://example.org/a\\u200bb': "
                                                "expected an http:// or https:// address without spaces, control or "
                                                "invisible characters, quotes, < or >"),
    (["--url", "http://h:abc/"], "Error: Invalid value for '--url': 'http://h:abc/': not a valid web address: Port "
                                 "could not be cast to integer value as 'abc'"),
])
def test_bad_options_are_usage_errors(run, tmp_path, args, message):
    source = tmp_path / "page.txt"
    source.write_text(page(), encoding="utf-8")
    result = run("import", str(source), *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message
