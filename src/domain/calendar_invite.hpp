#pragma once
// iCalendar (RFC 5545 / iTIP RFC 5546) text for bookings: the invite a
// confirmation or reschedule carries (METHOD:REQUEST), the one a cancellation
// carries (METHOD:CANCEL), and a subscription feed of many bookings
// (METHOD:PUBLISH). A booking keeps one UID for life and every change sends a
// higher SEQUENCE, so calendar apps update or remove the event they already
// have instead of adding a second one.
#include <string>
#include <string_view>
#include <vector>

#include "domain/local_time.hpp"

namespace confer::domain {

struct CalendarParty {
  std::string name;
  std::string email;
};

struct CalendarEvent {
  std::string booking_id;  // the UID is "<booking_id>@confer"
  int sequence = 0;        // 0 when booked; bumped by each reschedule or cancellation
  Instant start;
  Instant end;
  std::string summary;      // "Career coaching with Ada Lovelace"
  std::string description;  // free text; the join URL is appended
  std::string join_url;     // also LOCATION and URL
  CalendarParty organizer;  // the specialist's name at the platform's address
  CalendarParty attendee;   // the customer
  bool cancelled = false;   // STATUS:CANCELLED (feeds keep cancelled events so apps drop them)
};

enum class InviteMethod { request, cancel };

std::string calendar_uid(std::string_view booking_id);

// One VEVENT in a VCALENDAR with the given METHOD; `stamp` is DTSTAMP (now).
// A cancel invite is always STATUS:CANCELLED, a request STATUS:CONFIRMED.
std::string render_invite(const CalendarEvent& event, InviteMethod method, Instant stamp);

// A METHOD:PUBLISH calendar for a subscription URL, named `calendar_name`.
std::string render_feed(const std::vector<CalendarEvent>& events, std::string_view calendar_name,
                        Instant stamp);

}  // namespace confer::domain
