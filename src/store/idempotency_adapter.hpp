#pragma once
// The IdempotencyStore port over the idempotency_keys table: each call one
// write transaction.
#include "app/ports/idempotency.hpp"
#include "store/database.hpp"

namespace confer::store {

class IdempotencyAdapter : public app::ports::IdempotencyStore {
 public:
  explicit IdempotencyAdapter(Database& database) : database_(database) {}

  std::optional<app::ports::IdempotencyEntry> claim(const std::string& user_id,
                                                    const std::string& key,
                                                    const std::string& request_hash,
                                                    std::int64_t now,
                                                    std::int64_t expires_at) override;
  void complete(const std::string& user_id, const std::string& key, unsigned status,
                const std::string& body) override;
  void release(const std::string& user_id, const std::string& key) override;

 private:
  Database& database_;
};

}  // namespace confer::store
