-- params:
-- How many rows carry a keyed checksum (yjs/store/audit_seal.py): a trail with any is one that was pinned.
SELECT count(*) FROM audit_log WHERE starts_with(row_hash, 'hmac:')
