-- An imported file as the document its rows point to: its name and the day it was imported (a file
-- imported again under the same name takes the later day).
-- params: $document_id, $imported_on
INSERT OR REPLACE INTO documents (document_id, title, publisher, published, url, transcribed_from, imported_on)
VALUES ($document_id, $document_id, NULL, NULL, NULL, 'imported file', $imported_on)
