#pragma once
// A validation failure names the field it concerns (JSON path in camelCase,
// e.g. "workingHours.monday.start") and says what is wrong in plain words.
// The HTTP layer turns a non-empty list into a 422 problem+json `errors` map.
#include <string>
#include <vector>

namespace confer::domain {

struct FieldError {
  std::string field;
  std::string message;
};

using FieldErrors = std::vector<FieldError>;

}  // namespace confer::domain
