#pragma once
// Requests counted against a limit (sign-ups per client address, reset mails
// per email address): one row per request, so that every server process on
// the database counts the same ones. Transactions that count and add to the
// same kind and subject take turns first (serialize_on; AccountStore's
// take_turn), so that they cannot both slip under the limit.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/ports/account_ports.hpp"
#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using RequestCount = app::RequestCount;

class RateLimitRepo final : public app::ports::RateLimits {
 public:
  explicit RateLimitRepo(Session& session) : session_(session) {}

  RequestCount count(std::string_view kind, const std::string& subject,
                     std::int64_t since) override;
  void record(const std::string& id, std::string_view kind, const std::string& subject,
              std::int64_t now) override;
  void prune(std::int64_t before) override;

 private:
  Session& session_;
};

}  // namespace confer::store
