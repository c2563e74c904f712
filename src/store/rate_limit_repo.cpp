#include "store/rate_limit_repo.hpp"

namespace confer::store {

RequestCount RateLimitRepo::count(std::string_view kind, const std::string& subject,
                                  std::int64_t since) {
  auto row = session_.query_one(
      "SELECT COUNT(*), MIN(occurred_at) FROM rate_limit_events"
      " WHERE kind = $1 AND subject = $2 AND occurred_at > $3",
      {std::string(kind), subject, since});
  if (!row || row->is_null(1)) return {};
  return RequestCount{row->integer(0), row->integer(1)};
}

void RateLimitRepo::record(const std::string& id, std::string_view kind, const std::string& subject,
                           std::int64_t now) {
  session_.write_later(
      "INSERT INTO rate_limit_events (id, kind, subject, occurred_at) VALUES ($1, $2, $3, $4)",
      {id, std::string(kind), subject, now});
}

void RateLimitRepo::prune(std::int64_t before) {
  session_.execute("DELETE FROM rate_limit_events WHERE occurred_at <= $1", {before});
}

}  // namespace confer::store
