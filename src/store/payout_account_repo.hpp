#pragma once
// Specialists' payout accounts (migration 0010).
#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/money_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using PayoutAccountRecord = app::PayoutAccountRecord;

class PayoutAccountRepo final : public app::ports::PayoutAccounts {
 public:
  explicit PayoutAccountRepo(Session& session) : session_(session) {}

  std::optional<PayoutAccountRecord> for_user(const std::string& user_id) override;
  void insert(const PayoutAccountRecord& account) override;
  // False when no such account is known.
  bool update_flags(const std::string& provider, const std::string& account_id, bool charges,
                    bool payouts, bool details, std::int64_t now) override;
  void remove(const std::string& user_id) override;

 private:
  Session& session_;
};

}  // namespace confer::store
