"""Any text, however odd, imports into a draft that passes the loader's check, or is refused with PageError."""
from hypothesis import example, given
from hypothesis import strategies as st

from inl_cli.importer import PageError, read_page, to_yaml
from inl_cli.load import parse
from inl_cli.model import Program

FRAGMENTS = ["Challenges:", "Goals", "Accomplishments:\n", "Context and Challenges\n", "\n", "\n\n", "• ", "- ",
             "1. ", "  ◦ ", "o ", "In 2015, ", "since 2012", "from 2015 to 2020", "2014-15", "mid-2016",
             "31 February 2019", "March 2018", "FY19", "INL trained 98 police officers", " over 100 judges",
             "the Guinean National Police", "Ministry of Justice (MOJ)", "Ghana", "Côte d'Ivoire", "The Gambia",
             "KindiaMamouLabé", "2017an", "aIvorian", "results including:", ":", ".", ",", ";", "(", ")", "“",
             "\x00", "\x1b[31m", "\x85", "\u2028", "\u202e", "\ufffe", "\t", "\r", "日本", "$94-150 million",
             "ARCHIVED CONTENT", "An official website of the United States government", "U.S. Department of State",
             "INL's program in Senegal aims to help.", "Corruption undermines the courts.",
             # what the importer files by role, mends or leaves out
             "For additional information, please see the report.", "INL programs are funded through the TSCTP.",
             "Liberia is an exceptional U.S. partner.", "The United States has had a diplomatic presence in Togo.",
             "INL has the opportunity to help the police.", "In 2018, INL trained 300 officers in St. Louis.",
             "-", "In", "taddress", "institutionsas", "Strategic Context\n", "The Merida Initiative\n",
             "UNMIL, which had played a role after 2003, withdrew in 2018.", "UN Development Program"]


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=40), st.text(max_size=5))
@example(parts=["Accomplishments:\n", "1. ", ":", "\n", "1. ", "In 2018, INL trained 300 officers in St. Louis."],
         name="")  # a bullet of signs alone, which once made an accomplishment without a title
def test_any_text_makes_a_valid_draft_or_a_clear_refusal(parts, name):
    text = "".join(parts)
    try:
        program = read_page(text, country="Ghana" if "Ghana" not in text else None)
    except PageError as error:
        assert "\n" not in str(error)
        return
    document = to_yaml(program, name)
    outcome = parse(document, "draft.yaml")
    assert isinstance(outcome, Program), outcome
