#pragma once
// Email through SendGrid's v3 Mail Send API: a JSON POST to
// {api_base}/v3/mail/send with `Authorization: Bearer <key>`; 202 means
// accepted. The API key never appears in logs or error messages.
#include <string>

#include "app/mailer.hpp"
#include "integrations/http_client.hpp"

namespace confer::integrations {

struct SendGridSettings {
  std::string api_base = "https://api.sendgrid.com";  // SENDGRID_API_BASE
  std::string api_key;                                // SENDGRID_API_KEY
  std::string from;  // "Confer <no-reply@example.com>" (MAIL_FROM / SENDGRID_FROM_EMAIL)
};

class SendGridMailer final : public app::Mailer {
 public:
  explicit SendGridMailer(SendGridSettings settings);
  void send(const app::EmailMessage& message) override;

 private:
  SendGridSettings settings_;
  HttpClient http_;
};

// The request without sending it (pure; for tests).
HttpRequest sendgrid_request(const SendGridSettings& settings, const app::EmailMessage& message);

}  // namespace confer::integrations
