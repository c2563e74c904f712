// The vendor requests as pure values: what goes over the wire to SendGrid and
// Twilio, and the helpers that keep secrets out of logs. (The same requests
// are checked against the vendors' OpenAPI files by tests/api, with Prism.)
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integrations/email/mime.hpp"
#include "integrations/email/sendgrid_mailer.hpp"
#include "integrations/http_client.hpp"
#include "integrations/sms/twilio_sms.hpp"

namespace confer::integrations {
namespace {

std::string header(const HttpRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers)
    if (key == name) return value;
  return {};
}

TEST(SendGridRequest, CarriesBothBodiesTheRecipientAndBase64Attachments) {
  app::EmailMessage message;
  message.to = "sam@example.com";
  message.to_name = "Sam";
  message.subject = "Confirmed";
  message.text = "plain";
  message.html = "<p>html</p>";
  message.attachments.push_back({"invite.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR"});
  const auto request =
      sendgrid_request({"https://sg.example", "SG.key", "Confer <no-reply@confer.test>"}, message);
  EXPECT_EQ(request.url, "https://sg.example/v3/mail/send");
  EXPECT_EQ(header(request, "Authorization"), "Bearer SG.key");
  EXPECT_EQ(header(request, "Content-Type"), "application/json");
  const auto body = boost::json::parse(request.body).as_object();
  EXPECT_EQ(body.at("personalizations").at(0).at("to").at(0).at("email"), "sam@example.com");
  EXPECT_EQ(body.at("personalizations").at(0).at("to").at(0).at("name"), "Sam");
  EXPECT_EQ(body.at("from").at("email"), "no-reply@confer.test");
  EXPECT_EQ(body.at("from").at("name"), "Confer");
  EXPECT_EQ(body.at("content").at(0).at("type"), "text/plain");
  EXPECT_EQ(body.at("content").at(1).at("value"), "<p>html</p>");
  EXPECT_EQ(body.at("attachments").at(0).at("content"), "QkVHSU46VkNBTEVOREFS");
  EXPECT_EQ(body.at("attachments").at(0).at("filename"), "invite.ics");
}

TEST(SendGridRequest, LeavesOutWhatIsEmpty) {
  app::EmailMessage message;
  message.to = "sam@example.com";
  message.subject = "s";
  message.text = "t";
  const auto body =
      boost::json::parse(sendgrid_request({"https://sg.example", "k", "a@b.example"}, message).body)
          .as_object();
  EXPECT_EQ(body.at("content").as_array().size(), 1u);
  EXPECT_FALSE(body.contains("attachments"));
  EXPECT_FALSE(body.at("from").as_object().contains("name"));
  EXPECT_FALSE(body.at("personalizations").at(0).at("to").at(0).as_object().contains("name"));
}

TEST(TwilioRequest, IsAFormPostWithBasicAuth) {
  const auto request = twilio_request({"https://tw.example", "AC1", "token", "+15005550006"},
                                      {"+14155550100", "Hi & bye = 100%"});
  EXPECT_EQ(request.url, "https://tw.example/2010-04-01/Accounts/AC1/Messages.json");
  EXPECT_EQ(request.basic_user, "AC1");
  EXPECT_EQ(request.basic_password, "token");
  EXPECT_EQ(header(request, "Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body,
            "To=%2B14155550100&From=%2B15005550006&Body=Hi%20%26%20bye%20%3D%20100%25");
}

TEST(TwilioSms, RefusesAnIncompleteConfiguration) {
  EXPECT_THROW(TwilioSms({"https://tw.example", "AC1", "", "+1"}), std::runtime_error);
}

TEST(RedactUrl, KeepsSchemeHostAndPortOnly) {
  EXPECT_EQ(redact_url("smtps://user:p%40ss@mail.example:465/path?q=1"),
            "smtps://mail.example:465");
  EXPECT_EQ(redact_url("https://api.sendgrid.com"), "https://api.sendgrid.com");
  EXPECT_EQ(redact_url("no scheme user:pass@host"), "(url)");
}

TEST(ParseMailbox, NameAndAddressOrABareAddress) {
  auto full = parse_mailbox("\"Confer Team\" <no-reply@confer.test>");
  EXPECT_EQ(full.name, "Confer Team");
  EXPECT_EQ(full.address, "no-reply@confer.test");
  auto bare = parse_mailbox(" a@b.example ");
  EXPECT_EQ(bare.name, "");
  EXPECT_EQ(bare.address, "a@b.example");
}

}  // namespace
}  // namespace confer::integrations
