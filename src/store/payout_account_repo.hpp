#pragma once
// Specialists' payout accounts (migration 0010).
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace confer::store {

struct PayoutAccountRecord {
  std::string user_id;
  std::string provider;
  std::string account_id;
  bool charges_enabled = false;
  bool payouts_enabled = false;
  bool details_submitted = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

class PayoutAccountRepo {
 public:
  explicit PayoutAccountRepo(Session& session) : session_(session) {}

  std::optional<PayoutAccountRecord> for_user(const std::string& user_id);
  void insert(const PayoutAccountRecord& account);
  // False when no such account is known.
  bool update_flags(const std::string& provider, const std::string& account_id, bool charges,
                    bool payouts, bool details, std::int64_t now);

 private:
  Session& session_;
};

}  // namespace confer::store
