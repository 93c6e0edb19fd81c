"""Turn an INL country summary page into a draft program file to review.

Modules: `inputs` reads a page (file, stdin, http(s) address, saved HTML); `text` mends what the capture
glued; `layout` drops the frame, notices and boilerplate and files each paragraph and bullet under
Challenges, Goals or Accomplishments; `when` finds dates; `country` names the country (pycountry, loaded
only here); `partners` finds partners; `build` makes the program; `draft` writes the YAML with review notes.
"""
from .build import PageError, read_page
from .draft import counts, to_yaml

__all__ = ["PageError", "counts", "read_page", "to_yaml"]
