"""Turn an INL country summary page into a draft program file to review.

Modules: `inputs` reads a page (file, stdin, http(s) address, saved HTML); `text` mends what the capture
glued at a change of case and splits sentences; `glue` splits lower-case words run together; `sections` drops
the frame, notices and boilerplate and finds labels, headings, bullets and paragraphs; `roles` tells what each
sentence does; `placing` files it as a challenge, goal or accomplishment, or leaves it out with a note;
`titles`, `items`, `accomplish`, `results` and `when` make the entries; `country` names the country (pycountry,
loaded only here); `partners` finds partners; `build` makes the program; `draft` writes the YAML with review
notes; `fidelity` checks where every sentence of the page went.
"""
from .build import PageError, read_page
from .draft import counts, to_yaml

__all__ = ["PageError", "counts", "read_page", "to_yaml"]
