#pragma once
// Hidden subcommands that push one sample message through the configured
// delivery channel (file outbox, SMTP, SendGrid, Twilio): how an operator,
// and the end-to-end tests, check a channel without making a booking.
#include <string>

#include "config.hpp"

namespace confer {

struct TestEmailOptions {
  std::string kind = "confirmation";  // see test_email_kinds()
  std::string to;
  std::string time_zone = "Europe/Berlin";
  std::string start = "2026-11-24T14:30:00Z";
  int minutes = 60;
  std::string booking_id = "sample-booking";
  int sequence = 0;
};

// "confirmation, new-booking, receipt, cancellation, reschedule, reminder, recording,
// password-reset"
std::string test_email_kinds();
int send_test_email(const Config& config, const TestEmailOptions& options);
int send_test_sms(const Config& config, const std::string& to, const std::string& body);

}  // namespace confer
