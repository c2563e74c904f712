#include "integrations/email/sendgrid_mailer.hpp"

#include <openssl/evp.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "integrations/email/mime.hpp"

namespace confer::integrations {
namespace {

boost::json::object address(const std::string& email, const std::string& name) {
  boost::json::object object{{"email", email}};
  if (!name.empty()) object["name"] = name;
  return object;
}

// Standard base64 on one line, as SendGrid's `attachments[].content` wants.
std::string base64(const std::string& data) {
  std::string encoded(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(data.data()),
                                     static_cast<int>(data.size()));
  encoded.resize(static_cast<std::size_t>(length));
  return encoded;
}

}  // namespace

SendGridMailer::SendGridMailer(SendGridSettings settings) : settings_(std::move(settings)) {
  while (settings_.api_base.ends_with('/')) settings_.api_base.pop_back();
  if (settings_.api_key.empty()) throw std::runtime_error("SendGrid needs SENDGRID_API_KEY");
  if (parse_mailbox(settings_.from).address.find('@') == std::string::npos)
    throw std::runtime_error("MAIL_FROM (or SENDGRID_FROM_EMAIL) must hold an email address");
}

HttpRequest sendgrid_request(const SendGridSettings& settings, const app::EmailMessage& message) {
  const auto from = parse_mailbox(settings.from);
  boost::json::array content{{{"type", "text/plain"}, {"value", message.text}}};
  if (!message.html.empty()) content.push_back({{"type", "text/html"}, {"value", message.html}});
  boost::json::object body{
      {"personalizations",
       boost::json::array{{{"to", boost::json::array{address(message.to, message.to_name)}}}}},
      {"from", address(from.address, from.name)},
      {"subject", message.subject},
      {"content", std::move(content)}};
  if (!message.attachments.empty()) {
    boost::json::array attachments;
    for (const auto& attachment : message.attachments)
      attachments.push_back({{"content", base64(attachment.content)},
                             {"type", attachment.content_type},
                             {"filename", attachment.file_name},
                             {"disposition", "attachment"}});
    body["attachments"] = std::move(attachments);
  }
  HttpRequest request;
  request.url = settings.api_base + "/v3/mail/send";
  request.headers = {{"Authorization", "Bearer " + settings.api_key},
                     {"Content-Type", "application/json"}};
  request.body = boost::json::serialize(body);
  return request;
}

void SendGridMailer::send(const app::EmailMessage& message) {
  const auto response = http_.send(sendgrid_request(settings_, message));
  if (response.status != 202 && response.status != 200)
    throw std::runtime_error("SendGrid refused the message: HTTP " +
                             std::to_string(response.status) + " " + response.body.substr(0, 300));
}

}  // namespace confer::integrations
