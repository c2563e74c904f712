#pragma once
// The building blocks of Confer's emails: a Letter writes the plain-text and
// the HTML body from the same calls, so the two never say different things,
// and escapes everything a user typed on its way into HTML.
#include <string>
#include <string_view>

#include "app/mailer.hpp"
#include "domain/local_time.hpp"

namespace confer::app::email {

// & < > " ' → entities: safe in element text and in quoted attributes.
std::string html_escape(std::string_view text);

// A meeting on the reader's wall clock with the zone spelled out, e.g.
// "Tuesday, 24 November 2026, 09:30–10:30 CET (Europe/Berlin)". An unknown
// zone name falls back to UTC, which is still the right instant.
std::string format_meeting_time(domain::Instant start, domain::Instant end,
                                std::string_view time_zone);
// One instant the same way: "Monday, 2 November 2026, 05:00 EST (America/New_York)".
std::string format_local_instant(domain::Instant instant, std::string_view time_zone);

class Letter {
 public:
  explicit Letter(std::string_view greeting_name);
  Letter& paragraph(std::string_view text);
  // A "label: value" line; in HTML a row of the details table.
  Letter& detail(std::string_view label, std::string_view value);
  // A call to action: a button in HTML, "label: url" in text.
  Letter& action(std::string_view label, std::string_view url);
  EmailMessage to(std::string_view email, std::string_view name, std::string_view subject) const;

 private:
  void close_details();
  std::string text_;
  std::string html_;
  bool in_details_ = false;
};

}  // namespace confer::app::email
