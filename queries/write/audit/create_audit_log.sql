-- params:
-- The audit trail: one row per import, edit or restore, successful, failed or refused.
-- Append-only: the only statement that writes it is queries/write/audit/append_audit_row.sql, and each row carries
-- the SHA-256 of the row before it, so a deleted or altered row breaks the chain (yjs/audit.py).
-- IF NOT EXISTS: a database built before the audit trail gets the table at its first audited write.
CREATE TABLE IF NOT EXISTS audit_log (
    seq            BIGINT PRIMARY KEY,
    at_utc         TIMESTAMP NOT NULL,
    actor          VARCHAR NOT NULL,
    role           VARCHAR NOT NULL,
    event          VARCHAR NOT NULL,     -- import, edit, restore
    subject        VARCHAR,              -- the import kind, or what was edited
    file_name      VARCHAR,
    sha256         VARCHAR,              -- of the imported file (or of the restored backup)
    rows_added     INTEGER,
    rows_updated   INTEGER,
    rows_unchanged INTEGER,
    outcome        VARCHAR NOT NULL,     -- succeeded, failed, refused
    problems       INTEGER,              -- how many problems a failed import had
    detail         VARCHAR,
    prev_hash      VARCHAR NOT NULL,
    row_hash       VARCHAR NOT NULL
);
