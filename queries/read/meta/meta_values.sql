-- What the database holds, for the sidebar footer.
-- params:
SELECT key, value FROM meta
