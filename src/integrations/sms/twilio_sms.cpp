#include "integrations/sms/twilio_sms.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace confer::integrations {

TwilioSms::TwilioSms(TwilioSettings settings) : settings_(std::move(settings)) {
  while (settings_.api_base.ends_with('/')) settings_.api_base.pop_back();
  if (settings_.account_sid.empty() || settings_.auth_token.empty() || settings_.from.empty())
    throw std::runtime_error("Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM");
}

HttpRequest twilio_request(const TwilioSettings& settings, const app::SmsMessage& message) {
  HttpRequest request;
  request.url =
      settings.api_base + "/2010-04-01/Accounts/" + settings.account_sid + "/Messages.json";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body =
      form_urlencode({{"To", message.to}, {"From", settings.from}, {"Body", message.body}});
  request.basic_user = settings.account_sid;
  request.basic_password = settings.auth_token;
  return request;
}

std::string TwilioSms::send(const app::SmsMessage& message) {
  const auto response = http_.send(twilio_request(settings_, message));
  if (response.status != 201 && response.status != 200)
    throw std::runtime_error("Twilio refused the message: HTTP " + std::to_string(response.status) +
                             " " + response.body.substr(0, 300));
  boost::system::error_code error;
  auto json = boost::json::parse(response.body, error);
  if (!error && json.is_object())
    if (const auto* sid = json.as_object().if_contains("sid"); sid && sid->is_string())
      return std::string(sid->as_string());
  return {};
}

}  // namespace confer::integrations
