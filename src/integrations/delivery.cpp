#include "integrations/delivery.hpp"

#include "integrations/email/file_outbox_mailer.hpp"
#include "integrations/email/sendgrid_mailer.hpp"
#include "integrations/email/smtp_mailer.hpp"
#include "integrations/http_client.hpp"
#include "integrations/sms/file_outbox_sms.hpp"
#include "integrations/sms/twilio_sms.hpp"
#include "log.hpp"

namespace confer::integrations {

std::unique_ptr<app::Mailer> make_mailer(const DeliverySettings& config, const app::Clock& clock) {
  if (!config.smtp_url.empty()) {
    auto mailer = std::make_unique<SmtpMailer>(config.smtp_url, config.mail_from, clock);
    log::info("email by SMTP", {{"server", mailer->describe()}});
    return mailer;
  }
  if (!config.sendgrid_api_key.empty()) {
    log::info("email by SendGrid", {{"api", redact_url(config.sendgrid_api_base)}});
    return std::make_unique<SendGridMailer>(
        SendGridSettings{config.sendgrid_api_base, config.sendgrid_api_key, config.mail_from});
  }
  return std::make_unique<FileOutboxMailer>(config.data_dir + "/outbox", config.mail_from, clock);
}

std::unique_ptr<app::SmsSender> make_sms_sender(const DeliverySettings& config,
                                                const app::Clock& clock) {
  if (!config.twilio_account_sid.empty()) {
    log::info("SMS by Twilio", {{"api", redact_url(config.twilio_api_base)}});
    return std::make_unique<TwilioSms>(
        TwilioSettings{config.twilio_api_base, config.twilio_account_sid, config.twilio_auth_token,
                       config.twilio_from});
  }
  return std::make_unique<FileOutboxSms>(config.data_dir + "/outbox/sms",
                                         config.twilio_from.empty() ? "Confer" : config.twilio_from,
                                         clock);
}

}  // namespace confer::integrations
