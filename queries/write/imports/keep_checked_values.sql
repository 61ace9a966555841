-- A staged file's distinct cell values, each parsed once by its column's parser (yjs/importers/staging.py),
-- for the kind's checks to join back onto every row.
-- params:
CREATE OR REPLACE TEMP TABLE checked_values AS SELECT * FROM checked_values_arrow
