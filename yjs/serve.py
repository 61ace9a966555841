"""`python -m yjs.serve [streamlit options]`: serve app.py (what `make run` calls).

Why not plain `streamlit run app.py`: the design card puts the pages in `pages/`, and Streamlit
takes its legacy multipage path (which knows nothing of st.navigation's URLs) for a fresh server's
first request. A link to a page opened first then shows "Page not found". Declaring the app
navigation-only before the server starts avoids that; `streamlit run` still works, and
`ui.filters()` recovers from that first request by rerunning through app.py.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from yjs.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
