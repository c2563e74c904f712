#pragma once
// Renders an EmailMessage as an RFC 5322 / MIME message: a plain-text part,
// an optional HTML alternative, and attachments (a calendar invite travels as
// an alternative part *and* as an attachment, which most clients expect).
#include <string>

#include "app/mailer.hpp"

namespace confer::integrations {

struct Envelope {
  std::string from;        // "Confer <no-reply@confer.local>"
  std::string date;        // RFC 5322 date, e.g. "Tue, 24 Nov 2026 03:30:00 +0000"
  std::string message_id;  // "<uuid@confer.local>"
};

std::string render_mime(const app::EmailMessage& message, const Envelope& envelope,
                        const std::string& boundary_seed);

// A display name for an address header: a quoted string (RFC 5322, quotes
// and backslashes escaped) or, for non-ASCII text, an RFC 2047 encoded word.
std::string display_name(const std::string& name);
// RFC 2047 encoded-word when the text is not plain ASCII.
std::string encode_header_text(const std::string& text);
std::string rfc5322_date(std::int64_t unix_seconds);

// The parts of a sender such as "Confer <no-reply@confer.local>": the bare
// address (for SMTP MAIL FROM and SendGrid's `from.email`) and the name.
struct Mailbox {
  std::string name;     // "Confer", or empty
  std::string address;  // "no-reply@confer.local"
};
Mailbox parse_mailbox(const std::string& text);

}  // namespace confer::integrations
