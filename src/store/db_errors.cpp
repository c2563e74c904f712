#include "store/db_errors.hpp"

namespace confer::store {
namespace {

// How long a client is asked to wait: a full disk needs an operator; a lock
// or a database restart is usually over within seconds.
constexpr std::int64_t storage_full_retry_seconds = 60;
constexpr std::int64_t unavailable_retry_seconds = 1;

}  // namespace

app::Error from_db_error(const DbError& error) {
  switch (error.kind()) {
    case DbErrorKind::unique_violation:
    case DbErrorKind::exclusion_violation:
      return app::Error::conflict("This clashes with something that exists.");
    case DbErrorKind::storage_full:
      return app::Error::retry_later(
          app::ErrorKind::storage_full,
          "The server's storage is full, so nothing was saved. Try again later.",
          storage_full_retry_seconds);
    case DbErrorKind::busy:
    case DbErrorKind::connection:
      return app::Error::retry_later(app::ErrorKind::unavailable,
                                     "The service is busy. Try again shortly.",
                                     unavailable_retry_seconds);
    default:
      return app::Error(app::ErrorKind::internal, "Something went wrong.");
  }
}

}  // namespace confer::store
