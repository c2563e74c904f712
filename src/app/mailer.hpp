#pragma once
// The port through which use cases send email. Out of the box it writes RFC
// 5322 files into DATA_DIR/outbox; SMTP and SendGrid plug in behind it.
#include <string>
#include <vector>

namespace confer::app {

struct EmailAttachment {
  std::string file_name;
  std::string content_type;  // e.g. "text/calendar; method=REQUEST; charset=utf-8"
  std::string content;
};

struct EmailMessage {
  std::string to;
  std::string to_name;
  std::string subject;
  std::string text;  // plain-text body
  std::string html;  // optional HTML alternative
  std::vector<EmailAttachment> attachments;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual void send(const EmailMessage& message) = 0;  // throws on failure
};

}  // namespace confer::app
