#include "store/idempotency_adapter.hpp"

namespace confer::store {

std::optional<app::ports::IdempotencyEntry> IdempotencyAdapter::claim(
    const std::string& user_id, const std::string& key, const std::string& request_hash,
    std::int64_t now, std::int64_t expires_at) {
  std::optional<app::ports::IdempotencyEntry> entry;
  database_.transaction(TxMode::write, [&](Session& session) {
    session.execute("DELETE FROM idempotency_keys WHERE expires_at <= $1", {now});
    auto row = session.query_one(
        "SELECT request_hash, state, response_status, response_body FROM idempotency_keys"
        " WHERE user_id = $1 AND idem_key = $2",
        {user_id, key});
    if (!row) {
      session.execute(
          "INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, created_at,"
          " expires_at) VALUES ($1, $2, $3, 'in-flight', $4, $5)",
          {user_id, key, request_hash, now, expires_at});
      return;
    }
    entry = app::ports::IdempotencyEntry{row->text(0), row->text(1) == "in-flight", 0, {}};
    if (!entry->in_flight) {
      entry->response_status = static_cast<unsigned>(row->integer(2));
      entry->response_body = row->text(3);
    }
  });
  return entry;
}

void IdempotencyAdapter::complete(const std::string& user_id, const std::string& key,
                                  unsigned status, const std::string& body) {
  database_.transaction(TxMode::write, [&](Session& session) {
    session.execute(
        "UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4"
        " WHERE user_id = $1 AND idem_key = $2",
        {user_id, key, std::int64_t{status}, body});
  });
}

void IdempotencyAdapter::release(const std::string& user_id, const std::string& key) {
  database_.transaction(TxMode::write, [&](Session& session) {
    session.execute("DELETE FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2",
                    {user_id, key});
  });
}

}  // namespace confer::store
