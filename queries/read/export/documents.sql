-- documents.csv: the public documents and data sets the real figures were read from, and the files users imported.
-- params:
-- column title: the document's title
-- column publisher: who published it
-- column published: the day it was published (the first of the month where only the month is known)
-- column url: its public address, where known
-- column imported_on: for a file imported into this database, the day it was imported
SELECT title, publisher, published, url, imported_on
FROM documents
ORDER BY imported_on NULLS FIRST, published DESC NULLS LAST, title
