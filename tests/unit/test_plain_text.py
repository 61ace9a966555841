"""Text from data is shown as written: never as Markdown, a link, an image or HTML."""

import re

from hypothesis import given
from hypothesis import strategies as st

from yjs.domain.plaintext import WORD_JOINER, chart_text, markdown_text

PUNCTUATION = r"!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"


def unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown.replace("  \n", "\n").replace(WORD_JOINER, ""))


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=WORD_JOINER)))
def test_every_punctuation_character_is_escaped_and_the_text_comes_back_as_written(text):
    shown = markdown_text(text)
    assert not re.search(f"[{PUNCTUATION}]", re.sub(r"\\.", "", shown))  # none left unescaped
    assert unescaped(shown) == "\n".join(line.strip() for line in (text.splitlines() or [""]))


def test_the_attacks_of_the_issue_come_out_inert():
    image = markdown_text("Do it ![x](http://evil.example/x.png) now")
    assert image == r"Do it \!\[x\]\(http\:" + WORD_JOINER + r"\/\/evil\.example\/x\.png\) now"
    assert markdown_text("<img src=x onerror=alert(1)>") == r"\<img src\=x onerror\=alert\(1\)\>"
    assert markdown_text("see WWW.evil.example or $x$ or :red[alarm]") == (
        "see WWW" + WORD_JOINER + r"\.evil\.example or \$x\$ or \:red\[alarm\]"
    )
    assert markdown_text("lead@council.gov.uk") == r"lead\@council\.gov\.uk"  # an address still copies whole
    assert markdown_text("1. first\n    # heading") == r"1\. first" + "  \n" + r"\# heading"


def test_chart_text_escapes_plotly_tags():
    assert (
        chart_text('<a href="http://evil.example">Lead</a> & co')
        == '&lt;a href="http://evil.example"&gt;Lead&lt;/a&gt; &amp; co'
    )
