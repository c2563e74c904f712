#pragma once
// Errors a use case reports to its caller. They know nothing of HTTP: the
// HTTP layer maps each kind to a status code in one table (http/problem.cpp).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "domain/field_errors.hpp"
#include "domain/outcome.hpp"

namespace confer::app {

enum class ErrorKind {
  bad_request,             // the request cannot be read (malformed JSON, bad token link)
  validation,              // readable, but fields break the rules (see field_errors)
  unauthenticated,         // no or bad credentials
  forbidden,               // authenticated, but the role may not do this
  not_found,               // absent, or not the caller's to see
  method_not_allowed,      //
  conflict,                // clashes with current state (taken slot, duplicate email)
  idempotency_mismatch,    // same Idempotency-Key, different request
  payload_too_large,       //
  unsupported_media_type,  //
  too_many_requests,       // a rate limit; retry_after_seconds says when to try again
  unavailable,             // a dependency is down; try later
  storage_full,            // the server's storage is full; nothing was written
  upstream,                // a provider (Stripe, Zoom) refused or failed the request
  internal,                // a bug; details are logged, never shown
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string detail, domain::FieldErrors fields = {})
      : std::runtime_error(detail),
        kind_(kind),
        detail_(std::move(detail)),
        fields_(std::move(fields)) {}

  static Error validation(domain::FieldErrors fields,
                          std::string detail = "Some fields are not valid.") {
    return Error(ErrorKind::validation, std::move(detail), std::move(fields));
  }
  static Error invalid_field(std::string field, std::string message) {
    return validation({{std::move(field), std::move(message)}});
  }
  static Error bad_request(std::string detail) {
    return Error(ErrorKind::bad_request, std::move(detail));
  }
  static Error unauthenticated(std::string detail = "Sign in to continue.") {
    return Error(ErrorKind::unauthenticated, std::move(detail));
  }
  static Error forbidden(std::string detail = "Your account may not do this.") {
    return Error(ErrorKind::forbidden, std::move(detail));
  }
  static Error not_found(std::string what) {
    return Error(ErrorKind::not_found, std::move(what) + " was not found.");
  }
  static Error conflict(std::string detail) {
    return Error(ErrorKind::conflict, std::move(detail));
  }
  static Error too_many_requests(std::string detail, std::int64_t retry_after_seconds) {
    return retry_later(ErrorKind::too_many_requests, std::move(detail), retry_after_seconds);
  }
  // Nothing was done, and the same request may work after a pause (a rate
  // limit, a busy or full database): the caller is told how long to wait.
  static Error retry_later(ErrorKind kind, std::string detail, std::int64_t retry_after_seconds) {
    Error error(kind, std::move(detail));
    error.retry_after_seconds_ = retry_after_seconds < 1 ? 1 : retry_after_seconds;
    return error;
  }

  // A rule's refusal (domain/outcome.hpp), as the caller hears it.
  static Error refused(const domain::Refusal& refusal) {
    switch (refusal.kind) {
      case domain::Refusal::Kind::forbidden:
        return forbidden(refusal.message);
      case domain::Refusal::Kind::invalid:
        return invalid_field(refusal.field, refusal.message);
      case domain::Refusal::Kind::conflict:
        break;
    }
    return conflict(refusal.message);
  }

  ErrorKind kind() const { return kind_; }
  const std::string& detail() const { return detail_; }
  const domain::FieldErrors& fields() const { return fields_; }
  std::optional<std::int64_t> retry_after_seconds() const { return retry_after_seconds_; }

 private:
  ErrorKind kind_;
  std::string detail_;
  domain::FieldErrors fields_;
  std::optional<std::int64_t> retry_after_seconds_;
};

}  // namespace confer::app
