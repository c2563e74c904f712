#pragma once
// PostgreSQL behind the Database interface, through libpq with a connection
// pool. Serialization failures and deadlocks retry the whole transaction a few
// times; constraint violations surface as DbError kinds (exclusion constraints
// are how overlapping bookings are refused).
#include <string>

#include "store/connection_pool.hpp"
#include "store/database.hpp"

namespace confer::store {

class PostgresConnection;

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int pool_size);
  ~PostgresDatabase() override;
  Dialect dialect() const override { return Dialect::postgres; }
  void transaction(TxMode mode, const std::function<void(Session&)>& work) override;
  void execute_standalone(std::string_view sql) override;
  std::string describe() const override;

 private:
  std::string url_;
  ConnectionPool<PostgresConnection> pool_;
};

}  // namespace confer::store
