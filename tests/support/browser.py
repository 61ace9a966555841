"""Driving the app in Debian's Chromium from a test: wait for it, choose from its lists, photograph it.

Browser tests wait on the app's own state (the running indicator, the skeleton, plotly's layout),
never on a fixed sleep.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from playwright.sync_api import expect

from yjs.perf.server import start_background

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"


@contextlib.contextmanager
def served(db: Path):
    """The app on a free loopback port, reading `db`, stopped afterwards."""
    url, process = start_background(db)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_for_app(page) -> None:
    """The script has finished: the app is mounted and Streamlit's running indicator is gone."""
    expect(page.get_by_test_id("stApp")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMainBlockContainer").get_by_role("heading").first).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=30_000)


def wait_for_charts(page) -> None:
    """The app has finished, nothing is loading, and every plotly chart has been laid out."""
    wait_for_app(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p._fullLayout)")


def screenshot(page, name: str, height: int = 2600) -> Path:
    """The whole page: Streamlit scrolls inside its own container, so grow the window instead."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    width, before = page.viewport_size["width"], page.viewport_size["height"]
    page.set_viewport_size({"width": width, "height": height})
    wait_for_charts(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": before})
    return path


def choose(page, combobox, text: str, attempts: int = 3) -> None:
    """Pick the option starting with `text` from a select or multiselect, as a person would.

    Typing filters the list and Enter takes the match. A rerun that lands while the list is open
    can close it, so try again (bounded) until the choice shows in the widget.
    """
    widget = combobox.locator("xpath=ancestor::*[@data-testid='stMultiSelect' or @data-testid='stSelectbox'][1]")
    for attempt in range(attempts):
        wait_for_app(page)
        is_selectbox = widget.get_attribute("data-testid") == "stSelectbox"
        combobox.click()
        page.keyboard.type(text)
        option = page.get_by_role("option", name=re.compile(rf"^{re.escape(text)}"))
        try:
            expect(option.first).to_be_visible(timeout=5_000)
            if is_selectbox:  # a click takes the option and closes the list; Escape would clear the choice
                option.first.click()
                expect(combobox).to_have_value(re.compile(rf"^{re.escape(text)}"), timeout=5_000)
            else:
                page.keyboard.press("Enter")
                page.keyboard.press("Escape")
                expect(widget).to_contain_text(text, timeout=5_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
            if attempt == attempts - 1:
                raise


# Every chart's labels (tick labels, legend entries, annotations, titles) as boxes on screen: two that
# overlap, or one cut off by the chart's edge, are a problem a reader sees.
_CHART_LABEL_PROBLEMS = """
() => {
  const problems = [];
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return el.textContent.trim() && box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      && Number(getComputedStyle(el).opacity || 1) > 0;
  };
  const kinds = '.xtick text, .ytick text, .legendtext, .annotation-text, .gtitle, .g-xtitle text, .g-ytitle text,'
    + ' .textpoint text';
  document.querySelectorAll('.js-plotly-plot').forEach((plot, index) => {
    const title = (plot.querySelector('.gtitle') || {}).textContent || `chart ${index + 1}`;
    const frame = plot.querySelector('.main-svg').getBoundingClientRect();
    const labels = [...plot.querySelectorAll(kinds)].filter(shown).map((el) => ({
      text: el.textContent.trim(), box: el.getBoundingClientRect(),
    }));
    labels.forEach(({text, box}) => {
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1
          || box.bottom > frame.bottom + 1) {
        problems.push(`${title}: "${text}" is cut off by the chart's edge`);
      }
    });
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].box, b = labels[j].box;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 2 && down > 2) {
          problems.push(`${title}: "${labels[i].text}" overlaps "${labels[j].text}"`);
        }
      }
    }
  });
  return problems;
}
"""

# A control's label (widgets, metrics, tabs, radio options, buttons) broken inside a word ("Framewor k") or cut
# short with an ellipsis: each word of the label must sit on one line, and the label must not overflow its box.
_CONTROL_LABEL_PROBLEMS = """
() => {
  const problems = [];
  const selectors = '[data-testid="stWidgetLabel"] p, [data-testid="stMetricLabel"] p, [data-testid="stMetricValue"],'
    + ' [data-baseweb="tab"] p, [data-testid="stRadio"] label p, [data-testid="stBaseButton-secondary"] p,'
    + ' [data-testid="stPageLink"] span';
  document.querySelectorAll(selectors).forEach((el) => {
    if (!el.getBoundingClientRect().width) return;
    const text = el.textContent.trim();
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') {
      problems.push(`"${text}" is cut short`);
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`"${text}" breaks inside the word "${match[0]}"`);
      }
    }
  });
  return problems;
}
"""


def chart_label_problems(page) -> list[str]:
    """Chart labels that overlap each other or are cut off by the chart's edge."""
    return page.evaluate(_CHART_LABEL_PROBLEMS)


def control_label_problems(page) -> list[str]:
    """Control labels broken inside a word, or cut short."""
    return page.evaluate(_CONTROL_LABEL_PROBLEMS)


# A number printed in a bar (a count in a segment) that does not fit its bar: squeezed, turned or cut to a "-".
_BAR_TEXT_PROBLEMS = """
() => {
  const problems = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, index) => {
    const title = (plot.querySelector('.gtitle') || {}).textContent || `chart ${index + 1}`;
    plot.querySelectorAll('.bars .point').forEach((point) => {
      const text = point.querySelector('.bartext');
      const bar = point.querySelector('path');
      if (!text || !bar || !text.textContent.trim()) return;
      const style = getComputedStyle(text);
      if (style.visibility === 'hidden' || Number(style.opacity || 1) === 0) return;
      const t = text.getBoundingClientRect(), b = bar.getBoundingClientRect();
      const across = Math.min(t.right, b.right) - Math.max(t.left, b.left);
      const down = Math.min(t.bottom, b.bottom) - Math.max(t.top, b.top);
      if (!t.width || across <= 1 || down <= 1) return;  // a label outside its bar
      const transform = text.getAttribute('transform') || '';
      const scale = Number((transform.match(/scale\\(([\\d.]+)/) || [0, 1])[1]);
      if (transform.includes('rotate') || scale < 0.75 || /^[-–]$/.test(text.textContent.trim())
          || t.left < b.left - 1 || t.right > b.right + 1 || t.top < b.top - 1 || t.bottom > b.bottom + 1) {
        problems.push(`${title}: "${text.textContent.trim()}" does not fit its bar`);
      }
    });
  });
  return problems;
}
"""


def bar_text_problems(page) -> list[str]:
    """Text printed inside bars that does not fit its bar (turned, squeezed, or shrunk to a dash)."""
    return page.evaluate(_BAR_TEXT_PROBLEMS)


def downloaded(page, button) -> bytes:
    """What a download button gives (written by the server when clicked: a minute and a half on a busy machine)."""
    with page.expect_download(timeout=90_000) as done:
        button.click()
    return Path(done.value.path()).read_bytes()
