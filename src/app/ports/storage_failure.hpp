#pragma once
// A storage adapter's failure as the layers above the store see it: the
// store throws its DbError as one, and as_error() says what it means to a
// caller (the one table in store/db_errors.hpp). http/problem.cpp answers
// whatever a request lets escape with it, without knowing the store.
#include <stdexcept>

#include "app/errors.hpp"

namespace confer::app::ports {

class StorageFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  virtual Error as_error() const = 0;
};

}  // namespace confer::app::ports
