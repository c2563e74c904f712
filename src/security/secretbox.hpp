#pragma once
// Encryption at rest for third-party tokens (Zoom OAuth): libsodium's
// crypto_secretbox (XSalsa20-Poly1305) under a 32-byte key derived from a
// secret of the environment (CONFER_ENCRYPTION_KEY). A fresh random nonce
// per message; the stored text is base64url(nonce || box). Tampering is
// detected, never decrypted.
#include <optional>
#include <string>
#include <string_view>

namespace confer::security {

class SecretBox {
 public:
  // The key is SHA-256 of `secret` (at least 32 characters).
  explicit SecretBox(std::string_view secret);

  std::string seal(std::string_view plaintext) const;
  // nullopt when the text was not sealed with this key or was changed.
  std::optional<std::string> open(std::string_view sealed) const;

 private:
  std::string key_;
};

}  // namespace confer::security
