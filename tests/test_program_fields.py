"""The optional fields a page may fill: a goal's dated events, a partner's other names, funding notes."""
import json

EXTRA = """\
goals:
  - id: wacsi
    title: Regional security
    text: INL works for regional security.
    events: [{date: "2011", title: West Africa Cooperative Security Initiative launched}]
partners:
  - {id: unodc, name: UN Office on Drugs and Crime, role: implementing partner,
     also_known_as: [United Nations Office on Drugs and Crime, UNODC]}
accomplishments:
  - {id: judges, title: Judges trained, date: "2019", partners: [unodc], summary: INL trained judges.}
funding_notes: [INL's work here is funded through a regional partnership.]
"""


def test_a_goal_s_dated_events_are_on_the_timeline_and_in_show_goals(run, program):
    path = str(program(EXTRA))
    timeline = run("--data", path, "timeline", "-f", "csv").stdout.splitlines()
    assert timeline[1] == "2011,2011,2011,year,West Africa Cooperative Security Initiative launched,context,"
    goals = run("--data", path, "show", "goals", "-f", "json")
    assert json.loads(goals.stdout)[0]["steps"] == ["2011: West Africa Cooperative Security Initiative launched"]
    overview = {r["field"]: r["value"] for r in json.loads(run("--data", path, "show", "overview", "-f", "json").stdout)}
    assert overview["Context"] == "2011"
    assert "goal,Regional security,event date,2011" in run("--data", path, "search", "2011", "-f", "csv").stdout


def test_a_partner_s_other_names_find_it(run, program):
    path = str(program(EXTRA))
    result = run("--data", path, "show", "accomplishments", "--partner", "UNODC", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert "Judges trained" in result.stdout
    hits = run("--data", path, "search", "united nations office", "-f", "csv").stdout
    assert "partner,UN Office on Drugs and Crime,also known as,United Nations Office on Drugs and Crime" in hits
    partners = json.loads(run("--data", path, "show", "partners", "-f", "json").stdout)
    assert partners[0]["also_known_as"] == ["United Nations Office on Drugs and Crime", "UNODC"]


def test_funding_notes_are_in_the_overview_and_the_json_export_keeps_every_field(run, program, tmp_path):
    path = str(program(EXTRA))
    overview = {r["field"]: r["value"] for r in json.loads(run("--data", path, "show", "overview", "-f", "json").stdout)}
    assert overview["Funding notes"] == "INL's work here is funded through a regional partnership."
    exported = tmp_path / "again.json"
    assert run("--data", path, "export", "-o", str(exported)).exit_code == 0
    again = json.loads(exported.read_text(encoding="utf-8"))
    assert again["funding_notes"] == ["INL's work here is funded through a regional partnership."]
    assert again["goals"][0]["events"] == [{"date": "2011", "title": "West Africa Cooperative Security Initiative launched"}]
    assert again["partners"][0]["also_known_as"] == ["United Nations Office on Drugs and Crime", "UNODC"]
    assert run("validate", str(exported)).exit_code == 0


def test_a_partner_s_own_name_wins_over_another_s_other_name(run, program):
    path = str(program("""\
partners:
  - {id: gps, name: Ghana Police Service, abbreviation: GPS, role: police}
  - {id: courts, name: Judicial Service, role: courts, also_known_as: [GPS]}
accomplishments:
  - {id: a, title: Police trained, date: "2019", partners: [gps], summary: s.}
  - {id: b, title: Courts trained, date: "2019", partners: [courts], summary: s.}
"""))
    for wanted in ("GPS", "gps"):
        result = run("--data", path, "show", "accomplishments", "--partner", wanted, "-f", "csv")
        assert [line.split(",")[5] for line in result.stdout.splitlines()[1:]] == ["Police trained"]
    result = run("--data", path, "show", "accomplishments", "--partner", "Judicial Service", "-f", "csv")
    assert [line.split(",")[5] for line in result.stdout.splitlines()[1:]] == ["Courts trained"]
