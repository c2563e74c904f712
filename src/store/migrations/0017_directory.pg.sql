-- Full-text search over name, headline, bio and specialties ('simple': no
-- stemming, lower case; accents stay, unlike SQLite's FTS5 table).
ALTER TABLE directory_entries ADD COLUMN search tsvector;
CREATE INDEX directory_entries_search_idx ON directory_entries USING GIN (search);
