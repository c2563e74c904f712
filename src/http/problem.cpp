#include "http/problem.hpp"

#include <boost/json.hpp>

#include "app/ports/storage_failure.hpp"
#include "log.hpp"

namespace confer::http {
namespace {

struct ProblemType {
  unsigned status;
  const char* slug;
  const char* title;
};

ProblemType describe(app::ErrorKind kind) {
  using app::ErrorKind;
  switch (kind) {
    case ErrorKind::bad_request:
      return {400, "bad-request", "Bad request"};
    case ErrorKind::validation:
      return {422, "validation-failed", "Validation failed"};
    case ErrorKind::unauthenticated:
      return {401, "unauthenticated", "Authentication required"};
    case ErrorKind::forbidden:
      return {403, "forbidden", "Forbidden"};
    case ErrorKind::not_found:
      return {404, "not-found", "Not found"};
    case ErrorKind::method_not_allowed:
      return {405, "method-not-allowed", "Method not allowed"};
    case ErrorKind::conflict:
      return {409, "conflict", "Conflict"};
    case ErrorKind::idempotency_mismatch:
      return {422, "idempotency-key-reused", "Idempotency key reused with a different request"};
    case ErrorKind::payload_too_large:
      return {413, "payload-too-large", "Payload too large"};
    case ErrorKind::unsupported_media_type:
      return {415, "unsupported-media-type", "Unsupported media type"};
    case ErrorKind::too_many_requests:
      return {429, "too-many-requests", "Too many requests"};
    case ErrorKind::unavailable:
      return {503, "unavailable", "Service unavailable"};
    case ErrorKind::storage_full:
      return {507, "storage-full", "Insufficient storage"};
    case ErrorKind::upstream:
      return {502, "bad-gateway", "A provider did not accept the request"};
    case ErrorKind::internal:
      return {500, "internal-error", "Internal server error"};
  }
  return {500, "internal-error", "Internal server error"};
}

}  // namespace

unsigned status_of(app::ErrorKind kind) {
  return describe(kind).status;
}

Response problem_response(const app::Error& error) {
  const auto type = describe(error.kind());
  boost::json::object body{
      {"type", std::string("https://confer.dev/problems/") + type.slug},
      {"title", type.title},
      {"status", type.status},
      {"detail", error.detail()},
  };
  if (!error.fields().empty()) {
    boost::json::object fields;
    for (const auto& field : error.fields()) {
      auto& list = fields[field.field];
      if (!list.is_array()) list = boost::json::array();
      list.as_array().emplace_back(field.message);
    }
    body["errors"] = std::move(fields);
  }
  Response response{type.status, "application/problem+json", boost::json::serialize(body), {}};
  if (auto seconds = error.retry_after_seconds())
    response.with_header("Retry-After", std::to_string(*seconds));
  if (error.kind() == app::ErrorKind::unauthenticated)
    response.with_header("WWW-Authenticate", "Bearer realm=\"confer\"");
  return response;
}

Response problem_for_current_exception() {
  try {
    throw;
  } catch (const app::Error& error) {
    return problem_response(error);
  } catch (const app::ports::StorageFailure& error) {
    // The store's DbError, translated by store/db_errors.hpp's table.
    const auto translated = error.as_error();
    // A clash is the caller's to resolve; the others are the operator's.
    if (translated.kind() == app::ErrorKind::storage_full)
      log::error("database storage full", {{"error", error.what()}});
    else if (translated.kind() == app::ErrorKind::unavailable)
      log::error("database unavailable", {{"error", error.what()}});
    else if (translated.kind() != app::ErrorKind::conflict)
      log::error("database error", {{"error", error.what()}});
    return problem_response(translated);
  } catch (const std::exception& error) {
    log::error("unhandled error", {{"error", error.what()}});
    return problem_response(app::Error(app::ErrorKind::internal, "Something went wrong."));
  }
}

}  // namespace confer::http
