-- Full-text search over name, headline, bio and specialties: row i is
-- directory_entries' rowid i. Words are folded to lower case without accents.
CREATE VIRTUAL TABLE directory_text USING fts5 (
  body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
