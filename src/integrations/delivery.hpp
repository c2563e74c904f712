#pragma once
// Chooses each delivery channel from its settings: email by SMTP when
// SMTP_URL is set, else by SendGrid when SENDGRID_API_KEY is set, else into
// the file outbox; SMS by Twilio when TWILIO_ACCOUNT_SID is set, else into
// the SMS file outbox. Logs the choice, never a secret.
#include <memory>
#include <string>

#include "app/clock.hpp"
#include "app/mailer.hpp"
#include "app/sms_sender.hpp"

namespace confer::integrations {

// What the channels are chosen by; the binary fills it from its Config.
struct DeliverySettings {
  std::string data_dir;  // the file outboxes live under <data_dir>/outbox
  std::string mail_from;
  std::string smtp_url;  // may hold credentials
  std::string sendgrid_api_key;
  std::string sendgrid_api_base;
  std::string twilio_account_sid;
  std::string twilio_auth_token;
  std::string twilio_from;
  std::string twilio_api_base;
};

std::unique_ptr<app::Mailer> make_mailer(const DeliverySettings& config, const app::Clock& clock);
std::unique_ptr<app::SmsSender> make_sms_sender(const DeliverySettings& config,
                                                const app::Clock& clock);

}  // namespace confer::integrations
