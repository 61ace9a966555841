"""YJS Insight: the entry point. Login, the database check, the menu and the shared filters are in
`yjs.app.entry.run`, which then runs the page; no SQL here."""

from yjs.app import entry

entry.run()
