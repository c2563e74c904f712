#pragma once
// Chooses each delivery channel from the configuration: email by SMTP when
// SMTP_URL is set, else by SendGrid when SENDGRID_API_KEY is set, else into
// the file outbox; SMS by Twilio when TWILIO_ACCOUNT_SID is set, else into
// the SMS file outbox. Logs the choice, never a secret.
#include <memory>

#include "app/clock.hpp"
#include "app/mailer.hpp"
#include "app/sms_sender.hpp"
#include "config.hpp"

namespace confer::integrations {

std::unique_ptr<app::Mailer> make_mailer(const Config& config, const app::Clock& clock);
std::unique_ptr<app::SmsSender> make_sms_sender(const Config& config, const app::Clock& clock);

}  // namespace confer::integrations
