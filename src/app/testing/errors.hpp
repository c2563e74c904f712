#pragma once
// Test support: which app::Error an action throws.
#include <functional>

#include "app/errors.hpp"

namespace confer::app::testing {

// The kind of the app::Error `action` throws; internal when it throws none.
inline ErrorKind kind_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  return ErrorKind::internal;
}

}  // namespace confer::app::testing
