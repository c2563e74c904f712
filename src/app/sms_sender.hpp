#pragma once
// The port through which use cases send text messages (reminders). Out of the
// box it writes files into DATA_DIR/outbox/sms; Twilio plugs in behind it.
#include <string>

namespace confer::app {

struct SmsMessage {
  std::string to;  // E.164, e.g. "+14155550100"
  std::string body;
};

class SmsSender {
 public:
  virtual ~SmsSender() = default;
  // Returns the provider's id of the message; throws on failure.
  virtual std::string send(const SmsMessage& message) = 0;
};

}  // namespace confer::app
