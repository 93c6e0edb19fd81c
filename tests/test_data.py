"""The bundled Côte d'Ivoire program holds every fact of INL's summary page."""

import pytest

from inl_cli.load import bundled_path, load

URL = "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/cote-divoire-summary/"


@pytest.fixture(scope="module")
def ci():
    [program] = load(bundled_path() / "cote_divoire.yaml")
    return program


def test_program_identity(ci):
    assert (ci.country.name, ci.country.code) == ("Côte d'Ivoire", "CI")
    assert ci.bureau.name == "Bureau of International Narcotics and Law Enforcement Affairs"
    assert (ci.bureau.abbreviation, ci.bureau.department) == ("INL", "U.S. Department of State")
    assert ci.source.url == URL


def test_challenges_keep_the_2011_context(ci):
    [event] = [e for c in ci.challenges for e in c.events]
    assert (event.date.iso(), event.title) == ("2011", "End of Côte d'Ivoire's post-electoral crisis")
    text = " ".join(c.text for c in ci.challenges)
    for fact in ("military", "civilian and internal law enforcement", "confidence", "shared responsibility",
                 "internal security duties"):
        assert fact in text


def test_goals_and_targeted_crimes(ci):
    assert [g.title for g in ci.goals] == [
        "Law enforcement capacity", "Respect for human rights", "Security and stability",
        "Tools against crime and terrorism"]
    assert [c for g in ci.goals for c in g.crimes] == [
        "trafficking in persons", "trafficking in illicit goods"]
    # The page names terrorism beside crime ("address crime, including ..., and terrorism"), not among them.
    assert "terrorism" in ci.goals[3].text


def test_partners_with_abbreviations_and_roles(ci):
    assert [(p.name, p.abbreviation, p.role) for p in ci.partners] == [
        ("Government of Côte d'Ivoire", None, "government counterpart"),
        ("Ivorian National Police", None, "law enforcement counterpart"),
        ("United Nations Development Programme", "UNDP", "implementing partner"),
        ("Ministry of Security and Civil Protection", "MSCP", "government counterpart"),
        ("Ivorian civil society working group", None, "civil society counterpart"),
    ]


def test_five_accomplishments_at_the_page_precision(ci):
    assert [(str(a.date) if a.date else None, a.partners) for a in ci.accomplishments] == [
        ("2013-09", ("government",)),
        ("2015/2018", ("national-police",)),
        ("2018/2020", ("undp",)),
        (None, ("government",)),
        ("2019", ("mscp", "civil-society-working-group")),
    ]
    [milestone] = ci.accomplishments[4].milestones
    assert (milestone.date.iso(), milestone.date.precision) == ("2020-07", "month")
    assert "ordinance" in milestone.title
    # The ordinance formalized the working group: MSCP acted, the group is what it acted on.
    assert milestone.partners == ("mscp",)
    assert "civil society working group" in milestone.title


def test_results_are_numbers_with_units_and_qualifiers(ci):
    assert [(r.value, r.qualifier, r.unit) for r in ci.accomplishments[1].results] == [
        (100, "more_than", "community awareness meetings"),
        (98, "exact", "police officers"),
        (2, "exact", "citizen associations"),
    ]
    assert ci.accomplishments[1].results[0].display() == "more than 100 community awareness meetings"


def test_names_are_spelled_ivorian_and_no_site_frame_leaks_in():
    text = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8")
    assert "Ivoirian" not in text
    for frame in (".gov website", "HTTPS", "Lessons of 1989", "lock"):
        assert frame not in text


def test_every_number_and_year_of_the_page_is_in_the_data(ci, source_page):
    import re

    page = source_page.read_text(encoding="utf-8")
    body = page[page.index("Challenges:"):page.index("U.S. Department of State\n\nThe Lessons")]
    data = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8")
    for number in set(re.findall(r"\d+", body)):
        assert number in data, number
