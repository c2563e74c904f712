#pragma once
// What the booking use cases take and give: a booking with the service,
// parties and meeting its pages show, a page of them, and the settings.
#include <cstdint>
#include <optional>
#include <vector>

#include "app/ports/records.hpp"
#include "domain/booking.hpp"

namespace confer::app {

struct BookingSettings {
  int hold_minutes = 15;  // HOLD_MINUTES: how long a paid booking waits for payment
  // REFUND_RETRY_SECONDS: when a refund owed is asked for again in the background.
  int refund_retry_seconds = 60;
  // HOLDS_MAX_PER_CUSTOMER / HOLDS_MAX_PER_CUSTOMER_PER_SPECIALIST: how many
  // unpaid holds one customer may have at once, in all and with one
  // specialist (0: no limit). One more is refused with 429.
  int holds_max_per_customer = 3;
  int holds_max_per_specialist = 2;
};

struct BookingView {
  domain::Booking booking;
  ServiceRecord service;
  UserRecord specialist;
  UserRecord customer;
  std::optional<MeetingRecord> meeting;  // a provider meeting (Zoom) and its recording
};

struct BookingPage {
  std::vector<BookingView> items;
  std::int64_t total = 0;
  std::optional<std::string> next_after;  // when more follow: the `after` of the next page
};

struct BookingQuery {
  bool as_specialist = false;
  std::optional<domain::BookingStatus> status;
  std::optional<bool> upcoming;
  std::optional<std::string> after;  // the last booking seen (keyset); else page
  int page = 1;
  int page_size = 20;
};

using NoteChanges = domain::NoteChanges;

struct Cancellation {
  BookingView booking;
  domain::RefundDecision refund;
};

}  // namespace confer::app
