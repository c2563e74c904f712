#pragma once
// Versioned schema migrations, embedded in the binary from
// src/store/migrations/NNNN_name.sql. A version may add engine-specific
// statements in NNNN_name.sqlite.sql or NNNN_name.pg.sql, run after the
// common file on that engine (PostgreSQL's exclusion constraints, say). Each version is applied
// once, in its own transaction, under a lock, so several servers starting together are safe.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace confer::store {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

// The migrations for this engine, ordered by version.
std::vector<Migration> migrations_for(Dialect dialect);

// Applies what is missing; returns the versions applied now.
std::vector<int> migrate(Database& database, std::int64_t now_ms);

}  // namespace confer::store
