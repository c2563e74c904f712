#include "security/secretbox.hpp"

#include <sodium.h>

#include <stdexcept>

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::security {

SecretBox::SecretBox(std::string_view secret) : key_(sha256(secret)) {
  init_crypto();
  if (secret.size() < 32) throw std::invalid_argument("the encryption secret is too short");
  static_assert(crypto_secretbox_KEYBYTES == 32);
}

std::string SecretBox::seal(std::string_view plaintext) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, reinterpret_cast<const unsigned char*>(key_.data()));
  return base64url_encode(out);
}

std::optional<std::string> SecretBox::open(std::string_view sealed) const {
  auto raw = base64url_decode(sealed);
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  const auto* nonce = reinterpret_cast<const unsigned char*>(raw->data());
  const auto box_size = raw->size() - crypto_secretbox_NONCEBYTES;
  std::string plain(box_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, box_size, nonce,
                                 reinterpret_cast<const unsigned char*>(key_.data())) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace confer::security
