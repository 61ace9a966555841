-- params:
SELECT count(*) > 0 AS has_log FROM duckdb_tables() WHERE table_name = 'audit_log' AND database_name = current_database()
