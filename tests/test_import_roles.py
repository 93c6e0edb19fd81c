"""The importer's reading of sentences: what each does (roles), where it is cut into a title, what an event
keeps, which sentences end where, and which glued words are split. Sentences are written for each variation,
not copied from the stored pages."""
import pytest

from inl_cli.importer import build, glue, roles, titles, to_yaml
from inl_cli.importer.text import repair, sentences
from inl_cli.load import parse


@pytest.mark.parametrize("sentence, role", [
    ("Liberia is an exceptional U.S. partner in West Africa.", "praise"),
    ("Though Togo is a stable democracy, it continues to face growing extremist threats.", "problem"),
    ("Although Chad is one of the poorest countries, it is a strong, reliable partner.", "praise"),
    ("Benin is one of Africa's strongest democracies, with relatively low corruption.", "praise"),
    ("The United States has had a diplomatic presence in Togo for 150 years.", "history"),
    ("INL programs in Mali are funded through the Trans-Sahara Counterterrorism Partnership.", "funding"),
    ("For additional information, please see the International Narcotics Control Strategy Report.", "pointer"),
    ("INL has the opportunity to help the Prison Administration improve conditions.", "offer"),
    ("To confront these threats, the United States and Peru work together to dismantle cartels.", "aim"),
    ("INL's goal is to reinforce stability.", "aim"),
    ("In so doing, INL is reinforcing the government's means to address crime.", "aim"),
    ("INL support to the police is geared toward earning public trust.", "aim"),
    ("In 2018, INL trained 300 officers in St. Louis.", "action"),
    ("Beginning in 2017 an INL advisor has helped the police build a cadre of instructors.", "action"),
    ("Since then, the initiative's projects have bolstered the courts.", "action"),
    ("The reform has since stalled, but more support is needed to train the police.", "problem"),
    ("Threats with a U.S. nexus grow, an NGO says.", "problem"),
    ("Of the more than 72,000 deaths in the United States in 2017, most involved opioids.", "problem"),
    ("Elections in December 2016 ushered in a new government.", "event"),
    ("In 2019, the national police graduated 500 recruits trained by INL.", "action"),
    ("With INL support, the courts cleared 2,000 cases in 2020.", "action"),
    ("Political reforms have created a window of opportunity for change.", "event"),
])
def test_a_sentence_is_read_by_what_its_main_clause_does(sentence, role):
    assert roles.role(sentence) == role


@pytest.mark.parametrize("sentence, title", [
    # A title cut inside a list says so.
    ("INL's corrections program has supported Nigerien-led efforts to provide safe, secure, and humane "
     "detention at the country's prisons.", "INL's corrections program has supported Nigerien-led efforts to provide…"),
    ("Corruption, insufficient resources, and porous borders seriously impede an effective law enforcement "
     "stance.", "Corruption, insufficient resources, and porous borders seriously impede an effective…"),
    # A clause that only adds may be dropped without one.
    ("INL signed a Letter of Agreement with the government in September 2013, which forms the basis for "
     "cooperation.", "INL signed a Letter of Agreement with the government"),
    ("In 2019, INL opened a lab.", "INL opened a lab"),
    ("However, the port remains a waypoint for cocaine.", "The port remains a waypoint for cocaine"),
    ("Coca cultivation stabilized in 2018 and 2019.", "Coca cultivation stabilized in 2018 and 2019"),
    ("With the threats that Kenya faces, including terrorism, crime, and unstable neighbors, Kenya must act "
     "now to defend itself.", "With the threats that Kenya faces, including…"),
])
def test_titles_end_in_an_ellipsis_wherever_they_cut_the_sentence(sentence, title):
    assert titles.title(sentence) == title


def test_no_title_cut_on_a_list_comma_ends_without_an_ellipsis():
    sentence = "INL helps the courts provide fair, fast, and transparent justice to every citizen of the country."
    for words in range(3, 16):
        made = titles.title(sentence, words)
        assert made.endswith("…") or made == sentence.rstrip("."), made
        assert not made.rstrip("…").endswith(",")


@pytest.mark.parametrize("sentence, date, title", [
    ("UNMIL, which had played a critical role in stabilizing Liberia after 2003, withdrew in 2018.", "2003",
     "UNMIL, which had played a critical role in stabilizing Liberia after 2003, withdrew in 2018"),
    ("Of the more than 72,000 deaths from overdoses in 2017, most involved fentanyl.", "2017",
     "Of the more than 72,000 deaths from overdoses in 2017, most involved fentanyl"),
    ("In 2015, INL trained judges, and in 2017 the courts adopted new rules.", "2017",
     "In 2017 the courts adopted new rules"),
    ("According to a May 2018 UN report, insurgents earned $32 million.", "May 2018",
     "According to a May 2018 UN report, insurgents earned $32 million"),
])
def test_an_event_keeps_its_subject(sentence, date, title):
    start = sentence.index(date)
    assert titles.event_title(sentence, start, start + len(date)) == title


@pytest.mark.parametrize("text, expected", [
    ("INL trained 300 officers in St. Louis. The training lasted a week.",
     ["INL trained 300 officers in St. Louis.", "The training lasted a week."]),
    ("Former U.S. President George W. Bush spoke. Gen. Diallo and Dr. Ba replied in Jan. 2019.",
     ["Former U.S. President George W. Bush spoke.", "Gen. Diallo and Dr. Ba replied in Jan. 2019."]),
    ("Resolution No. 5 passed. Mr. Sow voted.", ["Resolution No. 5 passed.", "Mr. Sow voted."]),
    ("It works with the U.S. Embassy. It ends.", ["It works with the U.S. Embassy.", "It ends."]),
])
def test_sentences_end_where_they_end_not_at_abbreviations_or_initials(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("captured, repaired", [
    ("crisis in 2011The government", "crisis in 2011. The government"),
    ("with aIvoirian group", "with an Ivoirian group"),  # the page's own spelling is kept
    ("Beginning in 2017an INL advisor", "Beginning in 2017 an INL advisor"),
    ("markets   Officials report", "markets. Officials report"),
    ("a U.S. nexus, an NGO, Ivorian police", "a U.S. nexus, an NGO, Ivorian police"),
])
def test_repairs_put_back_only_what_the_capture_dropped(captured, repaired):
    assert repair(captured) == repaired


needs_word_list = pytest.mark.skipif(glue._word_list() is None,
                                     reason="the word list (PyPI package wordsegment) is not installed")


@needs_word_list
@pytest.mark.parametrize("text, mended, sure", [
    ("strengthen justice institutionsas the country changes.", "institutions as", True),
    ("the crossroads of air ansea travel.", "and sea", False),
    ("organized crimand smuggling activities.", "crime and", False),
    ("the toolkit taddress crime.", "to address", False),
    ("poor case managementunderstaffing of courts.", "management understaffing", False),
    ("its transition to democracybolster the sector.", "democracy bolster", False),
])
def test_glued_lower_case_words_are_split_and_unsure_splits_are_flagged(text, mended, sure):
    found, mends = glue.mend(text, glue.Vocabulary(text))
    assert mended in found
    assert [(m.mended, m.sure) for m in mends] == [(mended, sure)]


@needs_word_list
@pytest.mark.parametrize("text", [
    "the overtasking of courts and interparty talks.",  # a prefix and a word
    "kleptocracy, counterterrorism and understaffing.",  # words
    "Ivoirian and Nigerien police.",  # names are never touched
    "the prisons deal with overcrow",  # the page's last word may be cut
])
def test_words_names_and_a_cut_last_word_are_left_alone(text):
    assert glue.mend(text, glue.Vocabulary(text)) == (text, [])


def test_without_the_word_list_nothing_is_split(monkeypatch):
    monkeypatch.setattr(glue, "_word_list", lambda: None)
    text = "the toolkit taddress crime."
    assert glue.mend(text, glue.Vocabulary(text)) == (text, [])


def test_dated_goals_funding_lines_and_other_names_go_in_their_own_fields():
    """goals[].events, funding_notes and a partner's also_known_as, each filled, and the draft validates."""
    page = ("Challenges: Freedonia's courts are slow.\n\nGoals: INL's program aims to strengthen the courts. In "
            "2011, INL launched the West Africa Cooperative Security Initiative. INL programs in Freedonia are "
            "funded through the Trans-Sahara Counterterrorism Partnership.\n\nAccomplishments:\n• In 2019, INL "
            "and the UN Office on Drugs and Crime trained 40 judges.\n")
    program = build.read_page(page, country="Freedonia")
    assert program["goals"][1]["events"] == [
        {"date": "2011", "title": "In 2011, INL launched the West Africa Cooperative Security Initiative"}]
    assert program["funding_notes"] == [
        "INL programs in Freedonia are funded through the Trans-Sahara Counterterrorism Partnership."]
    assert not any("funded through" in note for note in program["_notes"])
    [partner] = program["partners"]
    assert (partner["name"], partner.get("abbreviation")) == ("UN Office on Drugs and Crime", None)
    assert partner["also_known_as"] == ["United Nations Office on Drugs and Crime", "UNODC"]
    assert partner["_review"] == ["also_known_as is from the importer's list of known bodies, not the page: check it"]
    loaded = parse(to_yaml(program, "page.txt"), "draft.yaml")
    assert [str(e.date) for e in loaded.goals[1].events] == ["2011"]
    assert loaded.funding_notes == tuple(program["funding_notes"])


def test_an_enormous_sentence_gives_events_of_bounded_length():
    """One sentence of 40 KB with hundreds of dates: each milestone names its subject and its own clause,
    never the whole sentence again, so the draft grows with the page, not with its square."""
    part = ("INL trained 98 police officers with the Ghana Police Service and over 100 judges in 2016 and the "
            "Ministry of Justice opened 12 courts in March 2017 and ")
    page = "Challenges: Ghana faces drug trafficking.\n\nAccomplishments:\n• " + part * 300 + "\n"
    [item] = build.read_page(page, country="Ghana")["accomplishments"]
    assert len(item["milestones"]) > 500
    assert max(len(m["title"]) for m in item["milestones"]) < 500
    assert item["milestones"][1]["title"].startswith("INL trained 98 police officers with the Ghana … ")
    assert len(to_yaml({"accomplishments": [item]}, "page.txt")) < 60 * len(page)


def test_a_dated_action_that_mentions_funding_stays_an_accomplishment():
    """A count of something done is an action; a sum of money or a share is how the work is paid for."""
    page = ("Challenges: Ghana faces drug trafficking.\n\nGoals: Since 2014, INL's program has been funded through "
            "the TSCTP, which provided $4 million. As of 2020, 60 percent of the program is funded through the "
            "TSCTP.\n\nAccomplishments:\n"
            "• In 2019, INL trained 40 officers of the Ghana Police Service in a course funded by the European Union.\n"
            "• In 2018, the Ghana Police Service, which is funded by the government, received 12 vehicles from INL.\n"
            "• INL programs in Ghana are funded through the Trans-Sahara Counterterrorism Partnership.\n")
    program = build.read_page(page, country="Ghana")
    assert [(a["date"], a["results"][0]["value"]) for a in program["accomplishments"]] == [("2019", 40), ("2018", 12)]
    assert program["funding_notes"] == [
        "Since 2014, INL's program has been funded through the TSCTP, which provided $4 million.",
        "As of 2020, 60 percent of the program is funded through the TSCTP.",
        "INL programs in Ghana are funded through the Trans-Sahara Counterterrorism Partnership."]
