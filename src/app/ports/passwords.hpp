#pragma once
// How the account use cases hash and check passwords. The server uses
// Argon2id (security/password.hpp), deliberately slow; use-case tests pass a
// fast stand-in.
#include <string>
#include <string_view>

namespace confer::app::ports {

class Passwords {
 public:
  virtual ~Passwords() = default;
  // Throws std::runtime_error when it cannot (out of memory).
  virtual std::string hash(std::string_view password) const = 0;
  // false for a wrong password and for any hash it cannot read; never throws.
  virtual bool verify(std::string_view hash, std::string_view password) const = 0;
};

}  // namespace confer::app::ports
