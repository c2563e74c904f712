#pragma once
// Email over SMTP with libcurl. SMTP_URL names the server: smtp://host:587
// (STARTTLS when the server offers it), smtps://host:465 (TLS from the first
// byte); user:password in the URL log in. Credentials are never sent in clear
// text to anything but loopback: a URL with credentials requires TLS unless
// the host is 127.0.0.1, ::1 or localhost. The URL is never logged.
#include <string>

#include "app/clock.hpp"
#include "app/mailer.hpp"

namespace confer::integrations {

class SmtpMailer final : public app::Mailer {
 public:
  SmtpMailer(std::string url, std::string from, const app::Clock& clock);
  void send(const app::EmailMessage& message) override;
  // "smtp://host:port" without credentials, for logs.
  std::string describe() const;

 private:
  std::string url_;
  std::string from_;
  std::string from_address_;
  std::string message_id_domain_;
  const app::Clock& clock_;
};

}  // namespace confer::integrations
