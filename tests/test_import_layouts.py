"""`inl import` reads every layout INL uses: each test's page is a few lines written for its variation."""
import pytest

from inl_cli.load import parse

BANNER = ("An official website of the United States Government Here's how you know\n\n"
          "Official websites use .gov\n\nA .gov website belongs to an official government organization in the "
          "United States.\n\nSecure .gov websites use HTTPS\n\n")
MISSION = ("The U.S. Department of State's Bureau of International Narcotics and Law Enforcement Affairs (INL) "
           "works to keep Americans safe at home by countering international crime, illegal drugs, and "
           "instability abroad. INL helps countries deliver justice and fairness by strengthening their police, "
           "courts, and corrections systems. These efforts reduce the amount of crime and illegal drugs reaching "
           "U.S. shores.\n\n")
ARCHIVE = ("2017-2021 ARCHIVED CONTENT\n\nYou are viewing ARCHIVED CONTENT released online from January 20, 2017 "
           "to January 20, 2021.\n\nContent in this archive site is NOT UPDATED, and links may not function.\n\n"
           "For current information, go to www.state.gov.\n\n")
FRAME_WORDS = (".gov", "HTTPS", "ARCHIVED", "archive site", "keep Americans safe", "deliver justice and fairness",
               "reaching U.S. shores", "Please visit", "official website")


def draft(run, tmp_path, text, *args, name="page.txt"):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = run("import", str(source), *args)
    assert result.exit_code == 0, result.output
    program = parse(result.stdout, "imported.yaml")
    assert hasattr(program, "accomplishments"), program
    assert_no_frame(program)
    return program, result


def strings(value):
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


def assert_no_frame(program):
    """No banner, notice or boilerplate text in any field (the source's address aside)."""
    from inl_cli.views import document

    fields = {key: value for key, value in document([program]).items() if key not in ("source", "bureau")}
    for text in strings(fields):
        for words in FRAME_WORDS:
            assert words not in text, (words, text)


def texts(items):
    return [item.text for item in items]


def test_a_page_without_the_banner(run, tmp_path):
    program, _ = draft(run, tmp_path, f"{MISSION}Challenges: Ghana faces drug trafficking.\n\nGoals: INL "
                                      "helps Ghana build its courts.\n\nAccomplishments:\n• INL trained judges in 2015.")
    assert (program.country.name, program.country.code) == ("Ghana", "GH")
    assert texts(program.challenges) == ["Ghana faces drug trafficking."]
    assert texts(program.goals) == ["INL helps Ghana build its courts."]


@pytest.mark.parametrize("challenges, goals", [
    ("Challenges\nGhana faces drug trafficking.", "Goals\nINL helps Ghana build its courts."),
    ("Challenges:\n\nGhana faces drug trafficking.", "Goals:\n\nINL helps Ghana build its courts."),
    ("Context and Challenges:\n\nGhana faces drug trafficking.", "Goals:\nINL helps Ghana build its courts."),
    ("Strategic Context\n\nGhana faces drug trafficking.", "Goals INL helps Ghana build its courts."),
])
def test_labels_on_a_line_of_their_own_with_or_without_a_colon(run, tmp_path, challenges, goals):
    program, _ = draft(run, tmp_path, f"{BANNER}{MISSION}{challenges}\n{goals}\n")
    assert texts(program.challenges) == ["Ghana faces drug trafficking."]
    assert texts(program.goals) == ["INL helps Ghana build its courts."]
    assert program.accomplishments == ()


def test_a_named_initiative_heading_files_its_text_by_what_it_says(run, tmp_path):
    page = (f"{MISSION}Strategic Context\n\nCartels traffic heroin and fentanyl from Mexico.\n\nThe Merida "
            "Initiative\n\nSince then, Merida projects have trained 500 police officers and have provided "
            "equipment to Mexico's courts.\n")
    program, result = draft(run, tmp_path, page)
    assert texts(program.challenges) == ["Cartels traffic heroin and fentanyl from Mexico."]
    assert [a.summary for a in program.accomplishments] == [
        "Since then, Merida projects have trained 500 police officers and have provided equipment to Mexico's "
        "courts."]
    assert "# review: the heading 'The Merida Initiative' is not a Challenges, Goals or Accomplishments label" \
        in result.stdout


def test_without_labels_paragraphs_are_told_apart_by_what_they_say(run, tmp_path):
    page = (f"{MISSION}The United States maintains a strong partnership with Ghana, which boasts a solid record "
            "on human rights.\n\nGhana remains a transit point for cocaine, and corruption impedes law "
            "enforcement.\n\nPorous borders remain a problem.\n\nINL's program in Ghana aims to strengthen the "
            "police.\n")
    program, result = draft(run, tmp_path, page)
    assert texts(program.challenges) == ["Ghana remains a transit point for cocaine, and corruption impedes law "
                                         "enforcement.", "Porous borders remain a problem."]
    assert texts(program.goals) == ["INL's program in Ghana aims to strengthen the police."]
    assert ("# review: left out, as not a challenge, goal or accomplishment: praise: 'The United States maintains a "
            "strong partnership with Ghana, which boasts a solid record on human rights.'") in result.stdout


def test_opening_praise_under_challenges_is_not_a_challenge(run, tmp_path):
    page = ("Challenges: Niger is a strong, reliable U.S. partner and one of the few countries in the Sahel to "
            "successfully stave off instability. Niger faces threats from terrorism and trafficking.\n\n"
            "Goals: INL supports Niger's police.\n")
    program, result = draft(run, tmp_path, page)
    assert texts(program.challenges) == ["Niger faces threats from terrorism and trafficking."]
    assert ("# review: left out, as not a challenge, goal or accomplishment: praise: 'Niger is a strong, reliable "
            "U.S. partner and one of the few countries in the Sahel to successfully stave off instability.'"
            ) in result.stdout


def test_bullets_after_the_goals_paragraph_are_accomplishments(run, tmp_path):
    page = (f"{BANNER}{MISSION}Challenges: Benin faces maritime crime.\n\nGoals: INL helps Benin's police.\n\n"
            "• In 2018, INL trained 40 Beninese law enforcement officers.\n• In 2019, INL opened a lab.\n")
    program, result = draft(run, tmp_path, page)
    assert texts(program.goals) == ["INL helps Benin's police."]
    assert [(a.title, str(a.date)) for a in program.accomplishments] == [
        ("INL trained 40 Beninese law enforcement officers", "2018"), ("INL opened a lab", "2019")]
    assert "# review: no Accomplishments label: took the bulleted list as accomplishments" in result.stdout


def test_archive_notices_and_notice_lines_are_dropped_and_give_the_address(run, tmp_path):
    page = (f"{BANNER}{ARCHIVE}Please visit the https://2017-2021.state.gov/cabo-verde-summary/ page for the "
            f"archived copy.\n\n{MISSION}Challenges: Cabo Verde is a waypoint for drug trafficking.\n")
    program, result = draft(run, tmp_path, page)
    assert texts(program.challenges) == ["Cabo Verde is a waypoint for drug trafficking."]
    assert (program.country.name, program.country.code) == ("Cabo Verde", "CV")
    assert program.source.url == "https://2017-2021.state.gov/cabo-verde-summary/"
    assert "# review: the address is the one the archive notice gives" in result.stdout


def test_the_boilerplate_printed_twice_is_dropped_both_times(run, tmp_path):
    page = f"{MISSION}{MISSION}Challenges: Guinea faces corruption.\n\nGoals: INL supports Guinea's courts.\n"
    program, _ = draft(run, tmp_path, page)
    assert texts(program.challenges) == ["Guinea faces corruption."]


def test_a_bare_title_line_names_the_country(run, tmp_path):
    page = "The Gambia\n\nChallenges: Courts lack staff and case management.\n\nGoals: INL helps the courts.\n"
    program, _ = draft(run, tmp_path, page)
    assert (program.country.name, program.country.code, program.source.title) == ("The Gambia", "GM",
                                                                                   "The Gambia")
    assert texts(program.challenges) == ["Courts lack staff and case management."]


def test_single_newlines_instead_of_blank_lines(run, tmp_path):
    page = (f"{MISSION.strip()}\nChallenges\nColombia produces cocaine.\nArmed groups traffic drugs.\nGoals\n"
            "INL supports Colombia's police.\nAccomplishments\n• INL trained 98 officers in 2019.\n")
    program, _ = draft(run, tmp_path, page)
    assert texts(program.challenges) == ["Colombia produces cocaine.", "Armed groups traffic drugs."]
    assert texts(program.goals) == ["INL supports Colombia's police."]
    assert [a.summary for a in program.accomplishments] == ["INL trained 98 officers in 2019."]


@pytest.mark.parametrize("marker", ["•", "-", "*", "–", "1."])
def test_bullets_of_every_kind(run, tmp_path, marker):
    second = "2." if marker == "1." else marker
    page = (f"Challenges: Kenya faces terrorism.\n\nAccomplishments:\n{marker} INL trained judges in 2015.\n"
            f"{second} INL opened a lab in 2017.\n")
    program, _ = draft(run, tmp_path, page)
    assert [(a.summary, str(a.date)) for a in program.accomplishments] == [
        ("INL trained judges in 2015.", "2015"), ("INL opened a lab in 2017.", "2017")]


def test_sub_bullets_under_results_including_belong_to_their_parent(run, tmp_path):
    page = ("Challenges: Kenya faces terrorism.\n\nAccomplishments:\n"
            "• In 2016, INL launched a police reform program with results including:\n"
            "  ◦ 300 police officers trained\n  ◦ 12 stations renovated\n"
            "• In 2018, INL opened a forensic lab.\n")
    program, _ = draft(run, tmp_path, page)
    first, second = program.accomplishments
    assert first.details == ("300 police officers trained", "12 stations renovated")
    assert [(r.value, r.unit) for r in first.results] == [(300, "police officers"), (12, "stations")]
    assert (second.title, str(second.date)) == ("INL opened a forensic lab", "2018")


def test_flattened_sub_bullets_after_a_results_line(run, tmp_path):
    page = ("Challenges: Kenya faces terrorism.\n\nAccomplishments:\n"
            "• In 2016, INL launched a police reform program.\nresults including:\n"
            "• 300 police officers trained\n• 12 stations renovated\n• In 2018, INL opened a forensic lab.\n")
    program, _ = draft(run, tmp_path, page)
    assert [a.title for a in program.accomplishments] == ["INL launched a police reform program",
                                                          "INL opened a forensic lab"]
    assert program.accomplishments[0].details == ("300 police officers trained", "12 stations renovated")


def test_accomplishments_written_as_prose(run, tmp_path):
    page = ("Challenges: Ukraine faces corruption.\n\nAccomplishments: In 2015, INL helped launch the National "
            "Police of Ukraine. It trained 2,000 patrol officers. In 2017, INL established an anti-corruption "
            "court.\n")
    program, result = draft(run, tmp_path, page)
    assert [(a.title, str(a.date)) for a in program.accomplishments] == [
        ("INL helped launch the National Police of Ukraine", "2015"),
        ("INL established an anti-corruption court", "2017")]
    assert program.accomplishments[0].results[0].value == 2000
    assert "# review: accomplishments given as prose" in result.stdout


def test_a_dated_lead_in_dates_every_bullet_under_it(run, tmp_path):
    page = ("Challenges: Liberia faces corruption.\n\nAccomplishments:\n"
            "From 2015-2020, INL's key projects have included:\n"
            "• Training 500 poll workers ahead of the March 2018 elections.\n• Mentoring prosecutors.\n")
    program, result = draft(run, tmp_path, page)
    assert [(a.title, str(a.date)) for a in program.accomplishments] == [
        ("Training 500 poll workers ahead of the March 2018 elections", "2015/2020"),
        ("Mentoring prosecutors", "2015/2020")]
    [milestone] = program.accomplishments[0].milestones
    assert (str(milestone.date), milestone.title) == ("2018-03", "Training 500 poll workers ahead of the March "
                                                                 "2018 elections")
    assert "# review: the lead-in \"From 2015-2020, INL's key projects have included:\" dates the bullets" \
        in result.stdout


def test_a_label_glued_to_an_accented_word(run, tmp_path):
    page = "ChallengesCôte d'Ivoire needs police.\n\nGoalsINL's program in Côte d'Ivoire aims to help.\n"
    program, _ = draft(run, tmp_path, page)
    assert [c.text for c in program.challenges] == ["Côte d'Ivoire needs police."]
    assert [g.text for g in program.goals] == ["INL's program in Côte d'Ivoire aims to help."]


def test_a_dated_lead_in_written_as_a_bullet_dates_its_sub_bullets(run, tmp_path):
    page = ("Challenges: Liberia faces corruption.\n\nAccomplishments:\n"
            "• From 2015-2020, INL's key projects have included:\n"
            "  ◦ Mentoring prosecutors.\n  ◦ In 2017, INL opened a crime lab.\n")
    program, _ = draft(run, tmp_path, page)
    assert [(a.title, str(a.date)) for a in program.accomplishments] == [
        ("Mentoring prosecutors", "2015/2020"), ("INL opened a crime lab", "2017")]


def test_paragraphs_before_a_lone_accomplishments_label_are_read_by_what_they_say(run, tmp_path):
    page = ("Guinea's police lack training and corruption undermines the courts.\n\nINL's program in Guinea aims to "
            "professionalize the police.\n\nAccomplishments:\n• In 2019, INL trained 50 officers.\n")
    program, _ = draft(run, tmp_path, page)
    assert [c.text for c in program.challenges] == [
        "Guinea's police lack training and corruption undermines the courts."]
    assert [g.text for g in program.goals] == ["INL's program in Guinea aims to professionalize the police."]
    assert len(program.accomplishments) == 1


def test_an_older_mission_statement_bylines_and_share_buttons_are_not_content(run, tmp_path):
    page = ("Togo Summary\n\nJanuary 20, 2017\n\nShare\n\nThe Bureau of International Narcotics and Law Enforcement "
            "Affairs (INL) minimizes the impact of international crime and illegal drugs on the United States and its "
            "citizens by providing effective foreign assistance and fostering global cooperation.\n\n"
            "Togo's port is a transit point for cocaine.\n\nINL's program in Togo aims to train the police.\n")
    program, result = draft(run, tmp_path, page)
    assert [c.text for c in program.challenges] == ["Togo's port is a transit point for cocaine."]
    assert [g.text for g in program.goals] == ["INL's program in Togo aims to train the police."]
    assert "minimizes" not in result.stdout and "Share" not in result.stdout and "January 20" not in result.stdout
