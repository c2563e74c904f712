#pragma once
// Domain errors as values: a rule that says no returns a Refusal instead of
// throwing, and the use case decides what the caller hears (app::Error maps
// each kind to its status in one table). Exceptions stay for bugs.
#include <string>
#include <utility>
#include <variant>

namespace confer::domain {

struct Refusal {
  enum class Kind {
    conflict,   // the booking's state does not allow it now
    forbidden,  // this party may not do it
    invalid,    // a field breaks a rule (`field` names it)
  };
  Kind kind = Kind::conflict;
  std::string message;
  std::string field;

  static Refusal conflict(std::string message) { return {Kind::conflict, std::move(message), {}}; }
  static Refusal forbidden(std::string message) {
    return {Kind::forbidden, std::move(message), {}};
  }
  static Refusal invalid(std::string field, std::string message) {
    return {Kind::invalid, std::move(message), std::move(field)};
  }
};

// A value, or the Refusal that stopped it.
template <typename T>
class Outcome {
 public:
  Outcome(T value) : state_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
  Outcome(Refusal refusal) : state_(std::move(refusal)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  const Refusal& refusal() const { return std::get<Refusal>(state_); }

 private:
  std::variant<T, Refusal> state_;
};

}  // namespace confer::domain
