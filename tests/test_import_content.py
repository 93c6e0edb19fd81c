"""`inl import`: partial pages, the country, dates, partners and text repairs, each on a page of a few lines."""
import pytest
from test_import_layouts import draft


def test_a_page_cut_short_imports_with_what_it_has_and_says_where_it_stops(run, tmp_path):
    page = "Challenges: Nigeria's police lack training.\n\nGoals: INL supports the Nigeria Police Force in buil"
    program, result = draft(run, tmp_path, page)
    assert [c.text for c in program.challenges] == ["Nigeria's police lack training."]
    assert [g.text for g in program.goals] == ["INL supports the Nigeria Police Force in buil…"]
    assert program.accomplishments == ()
    # Said once, on the item the page stops in; the page has no accomplishments because it stops.
    assert "  # review: cut off: the page stops inside this item\n  - id: \"inl-supports-the-nigeria\"" \
        in result.stdout
    assert result.stdout.count("stops") == 1
    assert "lists no accomplishments" not in result.stdout
    assert result.stderr.endswith("; the page is cut short.\n")


def test_a_page_cut_after_a_few_words_keeps_them_in_a_note_not_an_item(run, tmp_path):
    page = "Challenges: Niger's prisons are overcrowded.\n\nGoals: INL's goal is stability. INL's corrections"
    program, result = draft(run, tmp_path, page)
    assert [g.text for g in program.goals] == ["INL's goal is stability."]
    assert "# review: the page stops mid-sentence after \"INL's corrections\": too little to make an item of" \
        in result.stdout


def test_a_cut_off_last_bullet_is_marked(run, tmp_path):
    page = "Challenges: Senegal faces extremism.\n\nAccomplishments:\n• In 2019, INL trained 50 police offic"
    program, result = draft(run, tmp_path, page)
    [item] = program.accomplishments
    assert item.summary == "In 2019, INL trained 50 police offic…"
    assert "# review: cut off: the page stops inside this item" in result.stdout


def test_a_page_with_no_program_text_is_refused_in_one_line(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text("An official website of the United States government\n\nGhana\n", encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {source}: found no Challenges, Goals or Accomplishments text, so there is "
                             "nothing to import\n")


@pytest.mark.parametrize("page, country, code", [
    ("Cabo Verde Summary\n\nChallenges: Drugs transit the islands.\n", "Cabo Verde", "CV"),
    ("Challenges: Drugs transit the islands.\n\nGoals: INL's program in The Gambia aims to help.\n",
     "The Gambia", "GM"),
    ("Challenges: Côte d'Ivoire needs police. Côte d'Ivoire's courts are slow. Ghana is nearby.\n",
     "Côte d'Ivoire", "CI"),
    ("Challenges: Gambia's courts lack staff.\n", "The Gambia", "GM"),
    ("Challenges: Nigerien police lack vehicles, and Nigeria is a neighbour. Nigerien courts are slow.\n",
     "Niger", "NE"),
])
def test_the_country_and_its_code_come_from_the_page(run, tmp_path, page, country, code):
    program, _ = draft(run, tmp_path, page)
    assert (program.country.name, program.country.code) == (country, code)


def test_the_country_comes_from_the_address(run, tmp_path):
    url = "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-the-gambia/"
    program, _ = draft(run, tmp_path, "Challenges: The courts lack staff.\n", "--url", url)
    assert (program.country.name, program.country.code, program.source.url) == ("The Gambia", "GM", url)


def test_country_and_code_are_overrides(run, tmp_path):
    page = "Challenges: Ghana's courts lack staff.\n"
    program, _ = draft(run, tmp_path, page, "--country", "Cape Verde")
    assert (program.country.name, program.country.code) == ("Cabo Verde", "CV")
    program, _ = draft(run, tmp_path, page, "--code", "sn")
    assert (program.country.name, program.country.code) == ("Ghana", "SN")


def test_a_country_pycountry_does_not_know_is_flagged_for_review(run, tmp_path):
    program, result = draft(run, tmp_path, "Challenges: Crime.\n", "--country", "Freedonia")
    assert (program.country.name, program.country.code) == ("Freedonia", "XX")
    assert "# review: 'Freedonia' is not an ISO 3166 country name: set the two-letter code (--code)" \
        in result.stdout


def test_the_address_is_never_guessed(run, tmp_path):
    program, result = draft(run, tmp_path, "Challenges: Ghana's courts lack staff.\n")
    assert program.source.url == ("https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-"
                                  "affairs-work-by-country/")
    assert "# review: the page's own address is not in the text" in result.stdout


@pytest.mark.parametrize("bullet, when, review", [
    ("Beginning in 2017an advisor mentored judges.", "2017", None),
    ("In mid-2016, INL opened a lab.", "2016", "'mid-2016' read as the year 2016"),
    ("In 2014-2015, INL trained judges.", "2014/2015", None),
    ("From 2015 to 2020, INL trained judges.", "2015/2020", None),
    ("Since 2012, INL has mentored judges.", "2012/..", "'Since 2012': ongoing, recorded as an open span"),
    ("INL began a 14-year partnership, a six-month course and 200 years of ties.", None, None),
])
def test_date_forms(run, tmp_path, bullet, when, review):
    program, result = draft(run, tmp_path, f"Challenges: Kenya faces crime.\n\nAccomplishments:\n• {bullet}\n")
    [item] = program.accomplishments
    assert (str(item.date) if item.date else None) == when
    assert item.milestones == ()
    if review:
        assert f"# review: {review}" in result.stdout
    else:  # an undated item is no guess: no note
        assert "# review:" not in result.stdout.split("accomplishments:")[1]


def test_a_date_of_an_outcome_is_a_milestone_never_the_start(run, tmp_path):
    page = ("Challenges: Kenya faces crime.\n\nAccomplishments:\n• INL trained 500 poll workers ahead of the "
            "March 2018 elections.\n")
    program, result = draft(run, tmp_path, page)
    [item] = program.accomplishments
    assert item.date is None
    assert [(str(m.date), m.title) for m in item.milestones] == [
        ("2018-03", "INL trained 500 poll workers ahead of the March 2018 elections")]
    assert "# review: 'March 2018' dates an outcome or context, not the start: kept as a milestone" \
        in result.stdout


def test_a_milestone_quotes_its_own_clause(run, tmp_path):
    page = ("Challenges: Kenya faces crime.\n\nAccomplishments:\n• In 2015, INL trained judges, and in 2017 the "
            "courts adopted new rules, which cut delays by half.\n")
    program, _ = draft(run, tmp_path, page)
    [item] = program.accomplishments
    assert [(str(m.date), m.title) for m in item.milestones] == [
        ("2017", "In 2017 the courts adopted new rules")]


def test_partners_in_any_case_and_never_verbs(run, tmp_path):
    page = ("Challenges: Crime rises.\n\nAccomplishments:\n• In 2018, INL trained Beninese law enforcement "
            "officers.\n• Training Sierra Leone Police: INL mentored 20 officers in 2019.\n"
            "• In 2020, INL equipped the Guinean National Police.\n")
    program, _ = draft(run, tmp_path, page, "--country", "Benin")
    assert [(p.name, p.role) for p in program.partners] == [
        ("Beninese law enforcement", "law enforcement counterpart"),
        ("Sierra Leone Police", "law enforcement counterpart"),
        ("Guinean National Police", "law enforcement counterpart")]


def test_repairs_touch_only_what_the_capture_glued(run, tmp_path):
    page = ("Challenges: Threats with a U.S. nexus grow, an NGO says.\n\nGoals: INL supports aIvorian court in "
            "KindiaMamouLabé and the regions.\n")
    program, _ = draft(run, tmp_path, page, "--country", "Guinea")
    assert [c.text for c in program.challenges] == ["Threats with a U.S. nexus grow, an NGO says."]
    assert [g.text for g in program.goals] == [
        "INL supports an Ivorian court in Kindia, Mamou, Labé and the regions."]


def test_crimes_hold_only_crimes(run, tmp_path):
    page = ("Challenges: Crime rises.\n\nGoals: INL helps Ukraine address threats, including those with a U.S. "
            "nexus. INL fights crime, including money laundering, training needs, and trafficking in persons.\n")
    program, _ = draft(run, tmp_path, page)
    assert [g.crimes for g in program.goals] == [(), ("money laundering", "trafficking in persons")]


def test_since_then_continues_from_the_date_before(run, tmp_path):
    page = ("Challenges: Cartels traffic fentanyl.\n\nAccomplishments: In 2007, the two presidents announced the "
            "initiative. Since then, its projects have trained 900 judges.\n")
    program, result = draft(run, tmp_path, page, "--country", "Mexico")
    assert [str(a.date) for a in program.accomplishments] == ["2007", "2007/.."]
    assert "# review: 'Since then' read as since 2007, the date of the item before" in result.stdout


def test_whole_numbers_keep_every_digit(run, tmp_path):
    page = "Challenges: Crime rises.\n\nAccomplishments:\n• In 2019, INL gave 9007199254740993 pens to the police.\n"
    _, result = draft(run, tmp_path, page, "--country", "Ghana")
    assert "value: 9007199254740993\n" in result.stdout


def test_bidi_controls_never_reach_the_yaml(run, tmp_path):
    marks = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    page = (f"Challenges: Crime{marks} rises.\n\nAccomplishments:\n• In 2019, INL trained 40 police{marks} "
            "officers.\n")
    program, result = draft(run, tmp_path, page, "--country", "Ghana")
    assert [c.text for c in program.challenges] == ["Crime rises."]
    assert not any(mark in result.stdout for mark in marks)


def test_a_title_cut_with_the_page_ends_on_a_whole_word(run, tmp_path):
    page = "Challenges: Crime rises in Kenya.\n\nGoals: INL's programming in Kenya is designed to improv"
    program, result = draft(run, tmp_path, page)
    assert [(g.title, g.text) for g in program.goals] == [
        ("INL's programming in Kenya is designed to…", "INL's programming in Kenya is designed to improv…")]
    assert result.stderr.startswith("Found 0 accomplishments, 0 dates, 0 results and 0 partners; ")


def test_the_summary_counts_in_the_singular_for_one(run, tmp_path):
    page = ("Challenges: Crime rises in Ghana.\n\nAccomplishments:\n• In 2019, INL trained 40 officers with the "
            "Ghana Police Service.\n")
    _, result = draft(run, tmp_path, page)
    assert result.stderr.startswith("Found 1 accomplishment, 1 date, 1 result and 1 partner; ")
