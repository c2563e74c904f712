#pragma once
// Text messages through Twilio's Messages API (2010-04-01): a form POST to
// {api_base}/2010-04-01/Accounts/{sid}/Messages.json with HTTP Basic
// SID:auth token. The token never appears in logs or error messages.
#include <string>
#include <utility>
#include <vector>

#include "app/sms_sender.hpp"
#include "integrations/http_client.hpp"

namespace confer::integrations {

struct TwilioSettings {
  std::string api_base = "https://api.twilio.com";  // TWILIO_API_BASE
  std::string account_sid;                          // TWILIO_ACCOUNT_SID
  std::string auth_token;                           // TWILIO_AUTH_TOKEN
  std::string from;                                 // TWILIO_FROM: a number in E.164
};

class TwilioSms final : public app::SmsSender {
 public:
  explicit TwilioSms(TwilioSettings settings);
  std::string send(const app::SmsMessage& message) override;  // returns the message SID

 private:
  TwilioSettings settings_;
  HttpClient http_;
};

// The request without sending it (pure; for tests and the contract check).
HttpRequest twilio_request(const TwilioSettings& settings, const app::SmsMessage& message);

}  // namespace confer::integrations
