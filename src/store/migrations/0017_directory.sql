-- The marketplace's search rows, kept by the store in the same transaction
-- as every change to a specialist's account, profile or services
-- (store/directory_index.cpp, which also fills them when this migration
-- runs). One row per listed specialist (role specialist, with a profile),
-- ordered by name then id as the list is.
CREATE TABLE directory_entries (
  specialist_id  TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  sort_name      TEXT NOT NULL,
  price_from     BIGINT,           -- the lowest published price,
  price_currency TEXT,             -- in this currency
  service_count  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directory_entries_order_idx ON directory_entries (sort_name, specialist_id);

-- Specialties and languages, one row each (lower case), in list order per tag.
CREATE TABLE specialist_tags (
  kind          TEXT NOT NULL CHECK (kind IN ('specialty', 'language')),
  tag           TEXT NOT NULL,
  sort_name     TEXT NOT NULL,
  specialist_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (kind, tag, sort_name, specialist_id)
);
CREATE INDEX specialist_tags_specialist_idx ON specialist_tags (specialist_id);

-- Published services' prices, for "a service in this range, in this currency".
CREATE TABLE specialist_prices (
  service_id    TEXT PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
  specialist_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  currency      TEXT NOT NULL,
  price         BIGINT NOT NULL
);
CREATE INDEX specialist_prices_range_idx ON specialist_prices (currency, price, specialist_id);
CREATE INDEX specialist_prices_specialist_idx ON specialist_prices (specialist_id, currency, price);

-- Moves with every refresh of the rows above, in the same transaction: the
-- app keeps search totals while it stays (app/specialist_directory.hpp).
CREATE TABLE directory_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);
