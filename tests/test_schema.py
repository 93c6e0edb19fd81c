"""The JSON Schema for editors agrees with the loader, and `inl schema` prints the shipped file.

JSON Schema cannot express checks that span the document (a partner reference
resolving, ids being unique, a span ending after it starts, a day existing in
its month, a key appearing twice), so those are the loader's alone and are
not among the rejected fixtures here.
"""
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import MINIMAL

from inl_cli.load import bundled_path, parse
from inl_cli.model import Program
from inl_cli.spec import json_schema

SHIPPED = Path(__file__).resolve().parent.parent / "schema" / "program.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))

ACCEPTED = {
    "bundled": (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"),
    "minimal": MINIMAL,
    "year as a number": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: 2014}\n",
    "day date": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: \"2014-02-28\"}\n",
    "span": MINIMAL + "challenges:\n  - {id: c, title: T, text: X, events: [{date: {start: \"2010\", "
                      "end: \"2011-05\"}, title: E}]}\n",
    "float result": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, results: [{value: 2.5, "
                              "unit: tonnes, qualifier: about}]}\n",
    "empty lists": MINIMAL + "goals: []\npartners: []\n",
    "open span (since 2013)": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: {start: \"2013\"}}\n",
    "no accomplishments": MINIMAL + "challenges:\n  - {id: c, title: T, text: X}\naccomplishments: []\n",
    "optional fields given null": MINIMAL.replace("department: Department", "department: Department, mission: null")
    + "goals: ~\npartners:\n  - {id: p, name: P, role: r, abbreviation: null}\naccomplishments:\n"
      "  - {id: a, title: T, summary: S, date: null, location: null, partners: null, details: null, results: "
      "[{value: 1, unit: u, qualifier: null, description: null}], milestones: null}\n"
      "  - {id: b, title: T, summary: S, date: {start: \"2013\", end: null}}\n",
}
REJECTED = {
    "not a mapping": "- a\n",
    "unknown top field": MINIMAL + "colour: blue\n",
    "missing source": MINIMAL.replace("source: {title: Testland Summary, url: \"https://example.org/testland\"}\n",
                                      ""),
    "schema version 2": MINIMAL.replace("schema_version: 1", "schema_version: 2"),
    "boolean country code": MINIMAL.replace('code: "TL"', "code: NO"),
    "lowercase country code": MINIMAL.replace('code: "TL"', 'code: "tl"'),
    "ftp source": MINIMAL.replace("https://example.org", "ftp://example.org"),
    "month 13": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: \"2013-13\"}\n",
    "date as text": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: soon}\n",
    "unknown qualifier": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, results: [{value: 1, "
                                   "unit: u, qualifier: lots}]}\n",
    "value as text": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, results: [{value: many, "
                               "unit: u}]}\n",
    "empty title": MINIMAL + "goals:\n  - {id: g, title: \"\", text: t}\n",
    "bad id": MINIMAL + "goals:\n  - {id: \"Has Space\", title: T, text: t}\n",
    "span without start": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: {end: \"2013\"}}\n",
    "list for text": MINIMAL + "goals:\n  - {id: g, title: [a], text: t}\n",
    "required field given null": MINIMAL + "goals:\n  - {id: g, title: null, text: t}\n",
    "span start given null": MINIMAL + "accomplishments:\n  - {id: a, title: T, summary: S, date: {start: null}}\n",
    "null list item": MINIMAL + "goals:\n  - {id: g, title: T, text: t, crimes: [null]}\n",
}


def test_the_shipped_schema_is_the_generated_one(run):
    """Regenerate after changing spec.py with: inl schema > schema/program.schema.json"""
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == json_schema()
    assert run("schema").stdout == SHIPPED.read_text(encoding="utf-8")
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("name", ACCEPTED)
def test_what_the_loader_accepts_the_schema_accepts(name):
    text = ACCEPTED[name]
    assert isinstance(parse(text, name), Program)
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))) == []


@pytest.mark.parametrize("name", REJECTED)
def test_what_the_loader_rejects_the_schema_rejects(name):
    text = REJECTED[name]
    assert not isinstance(parse(text, name), Program)
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))) != []


def test_the_bundled_file_points_editors_at_the_schema():
    first = (bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/program.schema.json"
    assert (bundled_path() / ".." / "schema" / "program.schema.json").resolve().exists()
