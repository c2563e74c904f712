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
  if (auto entry = keys_->claim(user, key, fingerprint, now, now + lifetime_ms)) {
    if (entry->request_hash != fingerprint)
      throw app::Error(app::ErrorKind::idempotency_mismatch,
                       "This Idempotency-Key was used for a different request.");
    if (entry->in_flight)
      throw app::Error::conflict("A request with this Idempotency-Key is still being processed.");
    const auto status = entry->response_status;
    return Response{status,
                    status >= 400 ? "application/problem+json" : "application/json",
                    entry->response_body,
                    {{"Idempotent-Replayed", "true"}}};
  }

  // An app::Error is the answer to this request, stored and replayed like
  // any other. Anything else (the database failed) may not happen again:
  // the key is freed and the error goes on to the pipeline.
  Response response;
  try {
    response = handle();
  } catch (const app::Error& error) {
    response = problem_response(error);
  } catch (...) {
    keys_->release(user, key);
    throw;
  }
  if (response.status >= 500)
    keys_->release(user, key);
  else
    keys_->complete(user, key, response.status, response.body);
  return response;
}

}  // namespace confer::http
