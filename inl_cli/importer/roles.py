"""What a sentence of a page does, read from its main clause rather than from the words it happens to hold.

Roles: `problem` (what is wrong), `aim` (what INL or the United States works toward, in the present or the
future), `action` (what INL or the United States did, in the past), `event` (something else that happened),
`context` (any other statement), `funding` (how the work is paid for), `praise` (the country or the
relationship commended), `history` (diplomatic history), `pointer` (a reference to another document) and
`offer` (an opening for INL to help). Only problems are challenges, aims goals and actions accomplishments;
funding is a program-level note; praise, history and pointers are left out with one note.

The main clause is the sentence less a leading concession ("Though Senegal is a stable democracy, it ...")
and leading phrases ("In 2019, ", "To confront these threats, "); after "but" or "however" the clause that
follows is the one that counts ("... reform of its military, but more support is needed").
"""
from __future__ import annotations

import re

from . import when

ROLES = ("problem", "aim", "action", "event", "context", "funding", "praise", "history", "pointer", "offer")

POINTER = re.compile(
    r"\bfor (?:additional|more|further|detailed) (?:information|details)\b"
    r"|\bplease (?:see|visit|refer to|consult)\b"
    r"|\bcan be found (?:at|in|on)\b|\b(?:is|are) available (?:at|on)\b|\bsee (?:also )?(?:the )?(?:\d{4} )?"
    r"(?:International Narcotics Control Strategy Report|INCSR|Trafficking in Persons Report)\b", re.I)
FUNDING = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+|also\s+|jointly\s+|partly\s+|in part\s+)?(?:funded|financed)\b"
    r"|\b(?:funding|funds)\s+(?:for\s+[^.]{0,80}?)?(?:comes?|came|is provided|are provided|flows?)\s+"
    r"(?:from|through)\b"
    r"|\breceives?\s+(?:\w+\s+)?funding\b|\bfunded (?:through|by|under) the\b", re.I)
HISTORY = re.compile(
    r"\bdiplomatic (?:presence|relations|ties)\b|\bestablished (?:diplomatic|bilateral) relations\b"
    r"|\b(?:has|have) had (?:a |an )?(?:\w+ ){0,2}(?:presence|relations|relationship|ties) (?:in|with)\b", re.I)
OFFER = re.compile(r"\bopportunit(?:y|ies) (?:for (?:INL|the United States|the U\.S\.|U\.S\.)[^.]{0,40}?)?to "
                   r"(?:help|assist|support|work with|partner with|engage with)\b", re.I)
_QUALITY = (r"exceptional|strong|reliable|steadfast|valued|valuable|important|key|close|crucial|committed|capable|"
            r"trusted|willing|strategic|stalwart|dependable|effective")
PRAISE = re.compile(
    rf"\b(?:{_QUALITY})(?:,?\s+(?:and\s+)?(?:{_QUALITY}))*\s+(?:U\.S\.\s+|American\s+|regional\s+|security\s+)?"
    r"(?:partners?|ally|allies|friends?)\b"
    r"|\b(?:strong(?:est)?|stable|vibrant|thriving) democrac|\brole model\b|\bboasts?\b"
    r"|\b(?:solid|excellent|strong|proud) record\b|\binfluential member\b|\blargest (?:bilateral|donor|provider)\b"
    r"|\b(?:strong|close|excellent) partnership with\b"
    r"|\bfast-growing economy\b|\blow corruption\b|\bstave off instability\b|\bfree and fair\b"
    r"|\btransfer of power\b"
    r"|\bremains? engaged with the United States\b|\bcontributes? to regional (?:and global )?(?:peace|stability|"
    r"security)\b|\bbilateral relationship\b|\bpillar of\b|\bmodel for the region\b", re.I)
PROBLEM = re.compile(
    r"\b(?:challeng\w*|threat\w*|problem\w*|lack\w*|limited|insufficient\w*|inadequate\w*|weak\w*|poor(?:ly|est)?|"
    r"porous|vulnerab\w*|struggl\w*|constraint\w*|impunity|abuse\w*|illegal\w*|illicit\w*|traffick\w*|traffic|"
    r"smuggl\w*|transit\w*|contraband|narcotic\w*|drugs?|cocaine|heroin|methamphetamine|fentanyl|opium|opiates?|"
    r"opioids?|cannabis|coca|tramadol|overdoses?|deaths?|epidemic|crimes?|criminal\w*|gangs?|kingpins?|corrupt\w*|"
    r"kleptocra\w*|terror\w*|extremi\w*|insurgen\w*|violen\w*|war|conflicts?|crisis|instability|insecurity|"
    r"fragil\w*|aggression|pressure|distrust|mistrust|failures?|misconduct|criticism|poverty|needed|needs|lagged|"
    r"lag|under-?(?:developed|resourced|funded|staffed)|understaffing|overwhelmed|overcrowd\w*|overtasking|"
    r"outdated|backlogs?|diverted|undermin\w*|imped\w*|hamper\w*|complicat\w*|exacerbat\w*|concerns?|risks?|"
    r"non-existent|remains to be done|does not have|do not have|not enough)\b", re.I)
AIM_WORDS = re.compile(r"\b(?:goals?|objectives?|aims?|aimed|seeks?|sought|priorit(?:y|ies|izes?)|mission|"
                       r"intends?|designed to|geared toward|committed to|commit(?:s|ting|ted)? to|purpose|"
                       r"strives?)\b", re.I)
_CONCESSION = re.compile(r"^(?:although|though|even though|while|whereas|despite|in spite of|notwithstanding)\b"
                         r"[^,]{0,200},\s*", re.I)
_CONNECTIVE = re.compile(r"^(?:however|nevertheless|nonetheless|still|yet|moreover|additionally|furthermore|also|"
                         r"in addition|as a result|consequently|therefore|thus|in so doing|to that end|"
                         r"in turn)\b,?\s*", re.I)
_FRONTED = re.compile(r"^(?:in|on|at|from|since|during|after|before|following|through|throughout|with|under|over|"
                      r"by|as|beginning|starting|facing|given|according to|amid|among|to|for|within|across|"
                      r"between|in partnership with|together with)\b[^,]{0,150},\s*", re.I)
_LEADING_DATE = re.compile(r"^(?:(?:beginning|starting)\s+in|in|since|from|during|by)\s+(?:[A-Za-z]+\s+)?"
                           r"(?:19|20)\d\d\b,?\s*", re.I)
_CONTRAST = re.compile(r",\s*but\s+|;\s*however,?\s*|,\s*however,\s*|,\s*yet\s+")
PAST = {"built", "led", "held", "made", "gave", "given", "began", "begun", "brought", "taught", "sent", "ran",
         "won", "took", "taken", "met", "oversaw", "overseen", "spent", "paid", "set", "hosted", "rebuilt",
         "wrote",
         "written", "drew", "undertook", "undertaken", "broke", "saw", "did", "done", "became", "become",
         "withdrew", "withdrawn", "fell", "rose", "grew", "fled", "fought", "struck", "spread", "chose", "came",
         "went", "left", "kept", "told", "said", "stood", "found", "lost", "sold", "bought", "caught"}
VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|must|should|shall|may|might|remains?|continues?|"
    r"aims?|seeks?|strives?|supports?|helps?|works?|work|builds?|strengthens?|improves?|promotes?|enhances?|"
    r"provides?|trains?|targets?|focus(?:es)?|assists?|partners|engages|plays?|leads?|reinforces?|fosters?|"
    r"advances?|increases?|reduces?|expands?|develops?|lacks?|faces?|suffers?|struggles?|produces?|includes?|"
    r"requires?|undermines?|complicates?|complicate|ranks?|lies|possesses|vary|varies|traffics?|profits?|"
    r"exacerbates?|involves?|disrupts?|poses?|move|moves|hears?|announce[sd]?|signs?|" + "|".join(sorted(PAST))
    + r"|(?-i:[a-z]+ed))\b", re.I)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:this|these|the|our|its|their|a|an)|'s)\s+$", re.I)
_US = re.compile(r"\b(?:INL|United States|we|our)\b|\bU\.S\.(?!-)")
_PROGRAM_WORD = re.compile(r"\b(?:programs?|programming|initiatives?|projects?|engagement|training|advisors?|"
                           r"assistance|mentors?|mentoring|efforts|work|support)\b", re.I)
_OTHERS = re.compile(r"\b(?!(?:initiative|program|programme|project|INL)'s)\w+'s\b|"
                     r"\b(?:government|ministry|police|country|national|their|its)\b", re.I)
_ONGOING = {"focused", "sought", "aimed", "worked", "continued", "prioritized", "remained", "been", "engaged",
            "committed", "strived", "striven"}
_DOES_WRONG = re.compile(r"^(?:lacks?|faces?|suffers?|struggles?|remains? (?:vulnerable|weak|limited))\b", re.I)


_WITH_US = re.compile(r"\b(?i:by|with|from|through) (?:INL|the United States|U\.S\.)|\bINL-")
_FINITE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|can|could|must)\b", re.I)


def _fronted(text: str) -> str:
    """`text` without a leading phrase ("Facing an influx of detainees, "), unless what comes before the comma
    is a clause of its own ("Beginning in 2017 an advisor has helped ..., who ...")."""
    m = _FRONTED.match(text)
    return text[m.end():] if m and not _FINITE.search(m.group()) else text


def strip_front(text: str) -> str:
    """`text` without one leading phrase or connective ("In 2019, ", "However, ", "To that end, ")."""
    return _LEADING_DATE.sub("", _CONNECTIVE.sub("", _fronted(text)))


def main_clause(sentence: str) -> tuple[str, str]:
    """(main clause, the clause after "but" or "however" in it, or "")."""
    text = sentence.strip()
    for _ in range(4):
        shorter = strip_front(_CONCESSION.sub("", text))
        if shorter == text or not shorter.strip():
            break
        text = shorter
    parts = _CONTRAST.split(text)
    return text, parts[-1] if len(parts) > 1 else ""


def _subject_and_verb(clause: str) -> tuple[str, str]:
    """The clause's subject (what comes before its first verb, after its last comma) and the rest; without a
    verb, its first four words and nothing."""
    for verb in VERB.finditer(clause):
        if not _DETERMINER_BEFORE.search(clause[max(0, verb.start() - 12):verb.start()]):
            return clause[:verb.start()].rsplit(",", 1)[-1], clause[verb.start():]
    return " ".join(clause.split()[:4]), ""


_HEAD_ENDS = re.compile(r"\b(?:with|of|in|for|from|on|at|to|by|against|that|which|who|whose|across|under)\b")


def _by_us(subject: str, verbs: str) -> bool:
    """Whether INL or the United States (or its program) is who acts: named in the head of the subject
    ("INL support to ...", not "Threats with a U.S. nexus"), before a verb."""
    head = _HEAD_ENDS.split(subject, 1)[0]
    if not verbs and not re.match(r"\s*(?:INL|The United States|The U\.S\.)\b", subject):
        return False
    if _US.search(head):
        return True
    return bool(_PROGRAM_WORD.search(head)) and not _OTHERS.search(head) and len(subject.split()) <= 6


def tense(verbs: str) -> str:
    """`past`, `ongoing` or `present` for the verb group that starts `verbs`."""
    words = verbs.lower().replace(",", " ").split()
    if not words:
        return "present"
    first = words[0]
    if first in ("has", "have", "had"):
        rest = [w for w in words[1:4] if not w.endswith("ly") and w not in ("also", "since", "already", "long")]
        return "ongoing" if rest and rest[0] in _ONGOING else "past"
    if first in ("was", "were"):
        return "past"
    if first in PAST or (first.endswith("ed") and first not in ("need", "needed")):
        return "past"
    return "present"


_COUNT = re.compile(r"(?<![\d,.$])(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?!(?:million|billion|thousand|percent)\b)[a-z]")
"""A number that counts something ("40 officers"): not a year, an amount of money or a share."""
_PAID = re.compile(r"(?:was|were|been|be|is|are)\s+(?:\w+\s+)?(?:funded|financed)\b", re.I)


def _dated_action(sentence: str) -> bool:
    """Whether a sentence that says how something is paid for still reports a dated action, and so is an
    accomplishment: "In 2019, INL trained 40 officers in a course funded by the EU", or a year and a
    number ("In 2018, the police, funded by the government, received 12 vehicles from INL")."""
    if not when.YEAR.search(sentence):
        return False
    if _COUNT.search(sentence):
        return True
    main, after = main_clause(sentence)
    subject, verbs = _subject_and_verb(after or main)
    return _by_us(subject, verbs) and tense(verbs) == "past" and not _PAID.match(verbs)


def role(sentence: str) -> str:
    """The role of one sentence (see the module's docstring)."""
    if POINTER.search(sentence):
        return "pointer"
    if FUNDING.search(sentence) and not _dated_action(sentence):
        return "funding"
    if HISTORY.search(sentence):
        return "history"
    if OFFER.search(sentence):
        return "offer"
    main, after = main_clause(sentence)
    if PRAISE.search(main) and not (after and PROBLEM.search(after)):
        return "praise"
    subject, verbs = _subject_and_verb(after or main)
    if _by_us(subject, verbs) and not _DOES_WRONG.match(verbs):
        if AIM_WORDS.search(main):
            return "aim"
        when = tense(verbs)
        return "action" if when == "past" else "aim"
    if AIM_WORDS.search(subject) and _US.search(main):
        return "aim"  # "The goal of INL's program is ..."
    if PROBLEM.search(after or main):
        return "problem"
    if tense(verbs) == "past" and verbs:
        # "the police graduated 500 recruits trained by INL": a past step INL took part in
        return "action" if _WITH_US.search(sentence) else "event"
    return "context"
