#pragma once
// Requests counted against a limit (sign-ups per client address, reset mails
// per email address): one row per request, so that every server process on
// the database counts the same ones.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace confer::store {

struct RequestCount {
  std::int64_t count = 0;
  std::int64_t oldest_at = 0;  // the earliest request counted (when count > 0)
};

class RateLimitRepo {
 public:
  explicit RateLimitRepo(Session& session) : session_(session) {}

  // Holds until the transaction ends, so that two transactions counting the
  // same kind and subject take turns and cannot both slip under the limit
  // (PostgreSQL; SQLite's write transactions take turns anyway).
  void lock(std::string_view kind, const std::string& subject);
  RequestCount count(std::string_view kind, const std::string& subject, std::int64_t since);
  void record(const std::string& id, std::string_view kind, const std::string& subject,
              std::int64_t now);
  void prune(std::int64_t before);

 private:
  Session& session_;
};

}  // namespace confer::store
