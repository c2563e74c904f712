#pragma once
// "Connect Zoom Account": a specialist authorizes Confer on zoom.us (OAuth
// authorization code), and their meetings are then made on their own Zoom
// account. The state parameter is signed and expires in 10 minutes; tokens
// are sealed at rest and refreshed when they expire.
#include <cstdint>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/ports/catalog_ports.hpp"
#include "security/secretbox.hpp"

namespace confer::app {

struct OAuthTokens {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_in_seconds = 3600;
};

// Zoom's token endpoint for user apps; implemented over HTTP in integrations.
class ZoomOAuth {
 public:
  virtual ~ZoomOAuth() = default;
  virtual OAuthTokens exchange_code(const std::string& code) = 0;
  virtual OAuthTokens refresh(const std::string& refresh_token) = 0;
};

struct ZoomAccountSettings {
  std::string client_id;
  std::string redirect_uri;
  std::string authorize_base = "https://zoom.us";
  std::string state_secret;  // signs the state parameter
};

class ZoomAccounts {
 public:
  ZoomAccounts(ports::ZoomTokens& tokens, const Clock& clock, ZoomOAuth& oauth,
               const security::SecretBox& box, ZoomAccountSettings settings)
      : tokens_(tokens), clock_(clock), oauth_(oauth), box_(box), settings_(std::move(settings)) {}

  std::string authorize_url(const std::string& user_id) const;
  // Finishes the flow Zoom redirected back with; returns the user connected.
  std::string connect(const std::string& code, const std::string& state);
  bool connected(const std::string& user_id);
  void disconnect(const std::string& user_id);
  // The user's access token, refreshed first when it has (nearly) expired;
  // nullopt when they have not connected Zoom.
  std::optional<std::string> access_token(const std::string& user_id);

 private:
  struct Stored {
    std::string access_token;
    std::string refresh_token;
    std::int64_t expires_at = 0;  // Unix ms
  };
  std::string sign_state(const std::string& user_id, std::int64_t expires_s) const;
  void store(const std::string& user_id, const OAuthTokens& tokens);
  std::optional<Stored> read(const std::string& user_id);

  ports::ZoomTokens& tokens_;
  const Clock& clock_;
  ZoomOAuth& oauth_;
  const security::SecretBox& box_;
  ZoomAccountSettings settings_;
};

}  // namespace confer::app
