#include "app/db_errors.hpp"

namespace confer::app {
namespace {

// How long a client is asked to wait: a full disk needs an operator; a lock
// or a database restart is usually over within seconds.
constexpr std::int64_t storage_full_retry_seconds = 60;
constexpr std::int64_t unavailable_retry_seconds = 1;

}  // namespace

Error from_db_error(const store::DbError& error) {
  switch (error.kind()) {
    case store::DbErrorKind::unique_violation:
    case store::DbErrorKind::exclusion_violation:
      return Error::conflict("This clashes with something that exists.");
    case store::DbErrorKind::storage_full:
      return Error::retry_later(
          ErrorKind::storage_full,
          "The server's storage is full, so nothing was saved. Try again later.",
          storage_full_retry_seconds);
    case store::DbErrorKind::busy:
    case store::DbErrorKind::connection:
      return Error::retry_later(ErrorKind::unavailable, "The service is busy. Try again shortly.",
                                unavailable_retry_seconds);
    default:
      return Error(ErrorKind::internal, "Something went wrong.");
  }
}

}  // namespace confer::app
