"""Text from data shown as text: whatever a file said, it is never read as Markdown, a link, an image or HTML.

Streamlit reads most of what it shows as Markdown (st.markdown, captions, alerts, headers, expander and
radio labels, st.table cells): an imported action reading `![x](http://evil/x.png)` would make every
browser that shows it fetch that address. Every ASCII punctuation character may be backslash-escaped in
CommonMark, and an escaped character is always shown as itself, so escaping them all leaves nothing to
interpret: no image, link, emphasis, heading, list, table, HTML, maths (`$`) or Streamlit directive
(`:red[...]`, `:material/...:`); and a web address gets an invisible word joiner, so it is not made a
link either. Plotly's chart text has its own small HTML (`<a href>`, `<b>`, `<br>`), so chart labels from
data are HTML-escaped instead.
"""

from __future__ import annotations

import html
import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
# GitHub-flavoured autolinks are found in the text after escapes are read, so `http\://` still becomes a link:
# an invisible word joiner inside "://" and after "www" leaves nothing to find (e-mail addresses stay as they
# are: a mailto link fetches nothing, and a copied address must still work).
WORD_JOINER = "\u2060"
_WEB_ADDRESS = re.compile(r"\\:\\/|www\\\.", re.IGNORECASE)


def markdown_text(value: object) -> str:
    """`value` as Markdown that Streamlit shows exactly as written (line breaks kept, nothing interpreted)."""
    lines = str(value).splitlines() or [""]
    # Leading spaces would make an indented code block; a line break needs two trailing spaces.
    escaped = "  \n".join(_PUNCTUATION.sub(r"\\\1", line.strip()) for line in lines)
    return _WEB_ADDRESS.sub(lambda m: m.group(0)[:-2] + WORD_JOINER + m.group(0)[-2:], escaped)


def chart_text(value: object) -> str:
    """`value` for a plotly label or hover text: shown as written, never as a tag or a link."""
    return html.escape(str(value), quote=False)
