#include "http/idempotency.hpp"

#include "app/errors.hpp"
#include "http/problem.hpp"
#include "security/crypto.hpp"

namespace confer::http {
namespace {

constexpr std::int64_t lifetime_ms = 24 * 3'600'000;

}  // namespace

Response IdempotencyKeys::run(const Request& request, const std::function<Response()>& handle) {
  const std::string key(request.header("Idempotency-Key"));
  if (key.empty()) return handle();
  if (key.size() > 255)
    throw app::Error::invalid_field("Idempotency-Key", "must be at most 255 characters");
  const auto& user = request.caller().user_id;
  const auto fingerprint =
      security::sha256_hex(std::string(request.method()) + " " + std::string(request.path()) +
                           "\n" + std::string(request.body()));
  const auto now = clock_.now_ms();
  std::optional<Response> replay;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    session.execute("DELETE FROM idempotency_keys WHERE expires_at <= $1", {now});
    auto row = session.query_one(
        "SELECT request_hash, state, response_status, response_body FROM idempotency_keys"
        " WHERE user_id = $1 AND idem_key = $2",
        {user, key});
    if (!row) {
      session.execute(
          "INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, created_at,"
          " expires_at) VALUES ($1, $2, $3, 'in-flight', $4, $5)",
          {user, key, fingerprint, now, now + lifetime_ms});
      return;
    }
    if (row->text(0) != fingerprint)
      throw app::Error(app::ErrorKind::idempotency_mismatch,
                       "This Idempotency-Key was used for a different request.");
    if (row->text(1) == "in-flight")
      throw app::Error::conflict("A request with this Idempotency-Key is still being processed.");
    auto status = static_cast<unsigned>(row->integer(2));
    replay = Response{status,
                      status >= 400 ? "application/problem+json" : "application/json",
                      row->text(3),
                      {{"Idempotent-Replayed", "true"}}};
  });
  if (replay) return *replay;

  // An app::Error is the answer to this request, stored and replayed like
  // any other. Anything else (the database failed) may not happen again:
  // the key is freed and the error goes on to the pipeline.
  Response response;
  try {
    response = handle();
  } catch (const app::Error& error) {
    response = problem_response(error);
  } catch (...) {
    database_.transaction(store::TxMode::write, [&](store::Session& session) {
      session.execute("DELETE FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2",
                      {user, key});
    });
    throw;
  }
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    if (response.status >= 500)
      session.execute("DELETE FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2",
                      {user, key});
    else
      session.execute(
          "UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4"
          " WHERE user_id = $1 AND idem_key = $2",
          {user, key, std::int64_t{response.status}, response.body});
  });
  return response;
}

}  // namespace confer::http
