#pragma once
// Every email Confer sends, as pure functions from plain facts to an
// EmailMessage (subject, plain text and HTML). Times are shown on the
// reader's own clock with the zone named; a confirmation or reschedule carries
// the calendar invite (METHOD:REQUEST), a cancellation the METHOD:CANCEL that
// removes it. Nothing here reads the clock or the database: `now` is passed in.
#include <cstdint>
#include <optional>
#include <string>

#include "app/mailer.hpp"
#include "domain/local_time.hpp"

namespace confer::app::email {

struct Person {
  std::string name;
  std::string email;
  std::string time_zone;  // IANA name; the reader's times are shown in it
  // Their account's zone, when it is not `time_zone` (a customer who picked
  // the slot in another zone): shown too, so neither reading surprises them.
  std::string account_time_zone;
  std::string manage_url;  // where this reader sees, reschedules or cancels the booking
};

struct BookingFacts {
  std::string booking_id;
  int sequence = 0;  // the invite's SEQUENCE: 0 when booked, higher after each change
  Person customer;
  Person specialist;
  std::string service_title;
  domain::Instant start;
  domain::Instant end;
  std::string join_url;
  // The invite's ORGANIZER address: the platform's, so that nobody learns a
  // specialist's private address from a calendar file.
  std::string organizer_email = "no-reply@confer.local";
  std::int64_t amount = 0;  // minor units; 0 for a free session
  std::string currency;     // ISO 4217
};

enum class Audience { customer, specialist };

struct PaymentFacts {
  std::string receipt_number;  // domain::receipt_number of the booking, as every page shows it
  std::int64_t amount = 0;
  std::string currency;
  domain::Instant paid_at;
};

struct CancellationFacts {
  std::string cancelled_by;            // a name, or empty
  std::string reason;                  // as typed, or empty
  std::optional<std::int64_t> refund;  // minor units in the booking's currency
};

// The attachment content types: the `method` parameter tells mail clients
// to offer the invite as a calendar action.
inline constexpr const char* invite_content_type = "text/calendar; method=REQUEST; charset=utf-8";
inline constexpr const char* cancel_content_type = "text/calendar; method=CANCEL; charset=utf-8";

// To the customer, once the booking is confirmed (paid or free).
EmailMessage booking_confirmation(const BookingFacts& booking, domain::Instant now);
// To the specialist, when someone books them.
EmailMessage new_booking(const BookingFacts& booking, domain::Instant now);
EmailMessage payment_receipt(const BookingFacts& booking, const PaymentFacts& payment);
EmailMessage booking_cancelled(const BookingFacts& booking, Audience to,
                               const CancellationFacts& cancellation, domain::Instant now);
// `booking` holds the new times and the bumped sequence.
EmailMessage booking_rescheduled(const BookingFacts& booking, Audience to,
                                 domain::Instant previous_start, domain::Instant previous_end,
                                 domain::Instant now);
// Sent 24 hours before the start.
EmailMessage booking_reminder(const BookingFacts& booking, Audience to);
EmailMessage recording_available(const BookingFacts& booking, Audience to,
                                 const std::string& recording_url);
EmailMessage password_reset(const std::string& name, const std::string& email,
                            const std::string& link, int valid_minutes);

// The amount with its currency ("120.00 EUR"), or "free" for zero.
std::string price_text(std::int64_t amount, const std::string& currency);

}  // namespace confer::app::email
