"""Made-up ForeignAssistance.gov CSV files of the real shape, for the funding tests and benchmarks.

The complete dataset's header, in its order, and the per-country download's (five columns fewer, and its
`Funding Acount ID` spelling). Rows mix accounts, agencies and bureaus, transaction types 1, 2, 3 and 18,
negative (de-obligated) and blank amounts, the `1976TQ` transition quarter, a regional row without a
country code, and descriptions with commas, quotes and newlines; files start with a byte-order mark.

    python tests/funding_data.py 300 /tmp/us_foreign_aid_complete.csv     # about 300 MB

Nothing here imports inl: the tests check inl's sums against this data read back by the csv module.
"""
from __future__ import annotations

import csv
import random
import sys

COMPLETE = [
    "Country ID", "Country Code", "Country Name", "Region ID", "Region Name", "Income Group ID",
    "Income Group Name", "Income Group Acronym", "Managing Agency ID", "Managing Agency Acronym",
    "Managing Agency Name", "Managing Sub-agency or Bureau ID", "Managing Sub-agency or Bureau Acronym",
    "Managing Sub-agency or Bureau Name", "Implementing Partner Category ID", "Implementing Partner Category Name",
    "Implementing Partner Sub-category ID", "Implementing Partner Sub-category Name", "Implementing Partner ID",
    "Implementing Partner Name", "International Category ID", "International Category Name",
    "International Sector Code", "International Sector Name", "International Purpose Code",
    "International Purpose Name", "US Category ID", "US Category Name", "US Sector ID", "US Sector Name",
    "Funding Account ID", "Funding Account Name", "Funding Agency ID", "Funding Agency Name",
    "Funding Agency Acronym", "Foreign Assistance Objective ID", "Foreign Assistance Objective Name",
    "Aid Type Group ID", "Aid Type Group Name", "Activity ID", "Submission ID", "Activity Name",
    "Activity Description", "Activity Project Number", "Activity Start Date", "Activity End Date",
    "Transaction Type ID", "Transaction Type Name", "Fiscal Year", "Transaction Date", "Current Dollar Amount",
    "Constant Dollar Amount", "aid_type_id", "aid_type_name", "activity_budget_amount", "submission_activity_id",
]
_NOT_PER_COUNTRY = {"Transaction Date", "aid_type_id", "aid_type_name", "activity_budget_amount",
                    "submission_activity_id"}
PER_COUNTRY = [("Funding Acount ID" if c == "Funding Account ID" else c) for c in COMPLETE
               if c not in _NOT_PER_COUNTRY]

INCLE = "International Narcotics Control and Law Enforcement"
INL = ("INL", "Bureau of International Narcotics and Law Enforcement Affairs")
ACCOUNTS = [  # (account, agency acronym, bureau acronym and name), INCLE about one row in five
    (INCLE, "STATE", INL), (INCLE, "STATE", INL), (INCLE, "STATE", ("WHA", "Bureau of Western Hemisphere Affairs")),
    ("Economic Support Fund", "USAID", ("LAC", "Bureau for Latin America and the Caribbean")),
    ("Economic Support Fund", "STATE", ("AF", "Bureau of African Affairs")),
    ("Global Health Programs - USAID", "USAID", ("GH", "Bureau for Global Health")),
    ("Development Assistance", "USAID", ("AFR", "Bureau for Africa")),
    ("Foreign Military Financing Program", "DOD", ("DSCA", "Defense Security Cooperation Agency")),
    ("Peacekeeping Operations", "STATE", ("PM", "Bureau of Political-Military Affairs")),
    ("Nonproliferation, Anti-terrorism, Demining and Related", "STATE", ("ISN", "Bureau of International Security")),
    ("Migration and Refugee Assistance", "STATE", ("PRM", "Bureau of Population, Refugees, and Migration")),
]
COUNTRIES = [  # (alpha-3, name as the site writes it); a region has no code
    ("CIV", "Cote d'Ivoire"), ("COL", "Colombia"), ("MEX", "Mexico"), ("AFG", "Afghanistan"),
    ("PER", "Peru"), ("GTM", "Guatemala"), ("GHA", "Ghana"), ("HND", "Honduras"), ("SLE", "Sierra Leone"),
    ("BOL", "Bolivia"), ("UKR", "Ukraine"), ("", "Western Hemisphere Region"),
]
TYPES = [("2", "Obligations")] * 5 + [("3", "Disbursements")] * 5 + [("1", "Appropriated and Planned"),
                                                                       ("18", "President's Budget Requests")]
SECTORS = ["Counter-Narcotics", "Rule of Law and Human Rights", "Civilian Police", "Conflict Mitigation",
           "HIV/AIDS", "Basic Education", "Administration and Oversight", "Transnational Crime"]
PARTNERS = ["United Nations Office on Drugs and Crime", "Government of Colombia", "Tetra Tech, Inc.",
            'Chemonics "International"', "International Organization for Migration", "Redacted due to PII",
            "DynCorp International LLC", "Ministère de la Justice"]
YEARS = ["1976TQ", "1976", "1977"] + [str(y) for y in range(2001, 2025)]
WORDS = ("police", "courts", "training, equipment", "prisons", "border", '"community" policing', "justice",
         "forensics", "maritime", "anti-corruption", "narcotics", "laboratory", "prosecutors", "Côte d'Ivoire")


def _text(rng: random.Random, words: int, lines: bool) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.replace(" justice ", " justice\n", 1) if lines else text


def _amount(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.04:
        return ""  # blank: nothing to add
    value = rng.randrange(1, 3_000_000)
    return str(-value if roll < 0.12 else value)  # a de-obligation or a refund is negative and counts


def _activities(rng: random.Random, count: int) -> list[list[str]]:
    """Activities: the fields that stay the same over an activity's transactions."""
    found = []
    for n in range(count):
        account, agency, (bureau_acronym, bureau) = rng.choice(ACCOUNTS)
        code, country = rng.choice(COUNTRIES)
        found.append([code, country, account, agency, bureau_acronym, bureau, rng.choice(SECTORS),
                      rng.choice(PARTNERS), f"ACT-{n:06d}", _text(rng, rng.randint(2, 5), False).capitalize(),
                      _text(rng, rng.randint(20, 60), rng.random() < 0.3)])
    return found


def rows(count: int, seed: int = 0, variant: str = "complete"):
    """`count` rows as lists of strings in the order of the variant's header ("complete" or "country")."""
    rng = random.Random(seed)
    activities = _activities(rng, max(1, count // 8))
    for i in range(count):
        code, country, account, agency, b_acronym, bureau, sector, partner, act_id, name, text = rng.choice(activities)
        type_id, type_name = rng.choice(TYPES)
        year = "1976TQ" if i % 97 == 0 else rng.choice(YEARS)
        row = [str(100 + COUNTRIES.index((code, country))), code, country, "6", "Western Hemisphere", "3",
               "Upper Middle Income Country", "UMIC", "1", agency, f"Agency {agency}", "7", b_acronym, bureau,
               "4", "Government", "12", "Foreign Government", str(5000 + i % 50), partner, "9",
               "Governance", "150", "Government and Civil Society", "15130", "Legal and judicial development",
               "3", "Peace and Security", "31", sector, "19", account, "2", "Department of State", "DOS", "1",
               "Peace and Security", "2", "Project-Type", act_id, str(i % 11), name, text, f"P-{i:07d}",
               "2015-10-01", "2018-09-30", type_id, type_name, year, f"{year[:4]}-03-31", _amount(rng),
               _amount(rng), "C01", "Project-type interventions", str(rng.randrange(10**6)), str(i)]
        if variant == "complete":
            yield row
        else:
            yield [v for c, v in zip(COMPLETE, row) if c not in _NOT_PER_COUNTRY]


def write(path, count: int, seed: int = 0, variant: str = "complete", bom: bool = True) -> str:
    """Write a file of `count` rows; returns its path as a string."""
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COMPLETE if variant == "complete" else PER_COUNTRY)
        writer.writerows(rows(count, seed, variant))
    return str(path)


def write_megabytes(path, megabytes: float, seed: int = 0) -> str:
    """A complete-dataset file of about `megabytes` MB (the real one runs at about 940 bytes a row, these at 1,080)."""
    return write(path, int(megabytes * 1_000_000 / 1080), seed)


if __name__ == "__main__":
    print(write_megabytes(sys.argv[2], float(sys.argv[1])))
