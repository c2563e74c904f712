#pragma once
// The booking lifecycle: book a slot (held while a paid booking awaits
// payment), confirm, cancel with the service's refund policy, reschedule
// atomically, run the session, and let unpaid holds expire. Every status
// change writes an audit row in the same transaction.
//
// No double booking: each booking is written in one transaction that re-checks
// the slot against the rules and the active bookings. On SQLite that
// transaction holds the write lock from its first statement, so the check is
// authoritative; on PostgreSQL an exclusion constraint refuses an overlapping
// row even when two checks ran side by side.
#include <optional>
#include <string>
#include <vector>

#include "app/availability_service.hpp"
#include "app/clock.hpp"
#include "app/video.hpp"
#include "domain/booking.hpp"
#include "store/booking_repo.hpp"
#include "store/database.hpp"
#include "store/meeting_repo.hpp"
#include "store/service_repo.hpp"
#include "store/user_repo.hpp"

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
  store::ServiceRecord service;
  store::UserRecord specialist;
  store::UserRecord customer;
  std::optional<store::MeetingRecord> meeting;  // a provider meeting (Zoom) and its recording
};

struct BookingPage {
  std::vector<BookingView> items;
  std::int64_t total = 0;
};

struct BookingQuery {
  bool as_specialist = false;
  std::optional<domain::BookingStatus> status;
  std::optional<bool> upcoming;
  int page = 1;
  int page_size = 20;
};

using NoteChanges = domain::NoteChanges;

struct Cancellation {
  BookingView booking;
  domain::RefundDecision refund;
};

class BookingService {
 public:
  BookingService(store::Database& database, const Clock& clock, AvailabilityService& availability,
                 VideoProvider& video, BookingSettings settings)
      : database_(database),
        clock_(clock),
        availability_(availability),
        video_(video),
        settings_(settings) {}

  // `customer_timezone`: the zone the customer picked the slot in (shown to
  // them in emails and pages), empty for their account's.
  BookingView create(const std::string& customer_id, const std::string& slot_id,
                     const std::string& customer_notes, const std::string& customer_timezone = {});
  BookingView get(const std::string& user_id, const std::string& booking_id);
  // The user a manage link of `party` acts as.
  std::optional<std::string> party_of(const std::string& booking_id, domain::Party party);
  // What cancelling now would refund, for the user who would cancel (a
  // customer under the booking's policy, a specialist everything paid);
  // nothing changes.
  domain::RefundDecision cancellation_quote(const std::string& user_id,
                                            const std::string& booking_id);
  BookingPage list(const std::string& user_id, const BookingQuery& query);
  BookingView update_notes(const std::string& user_id, const std::string& booking_id,
                           const NoteChanges& changes);
  Cancellation cancel(const std::string& user_id, const std::string& booking_id,
                      const std::string& reason);
  BookingView reschedule(const std::string& user_id, const std::string& booking_id,
                         const std::string& new_slot_id);
  Cancellation request_refund(const std::string& user_id, const std::string& booking_id,
                              const std::string& reason);
  // The video provider reports its meeting started or ended (Zoom webhooks):
  // the session starts or ends, inside the caller's transaction. False when
  // the booking is not in a state the event moves.
  bool meeting_started(store::Session& session, const std::string& booking_id, std::int64_t at);
  bool meeting_ended(store::Session& session, const std::string& booking_id, std::int64_t at);
  BookingView start_session(const std::string& specialist_id, const std::string& booking_id);
  BookingView end_session(const std::string& specialist_id, const std::string& booking_id);
  BookingView mark_no_show(const std::string& specialist_id, const std::string& booking_id);
  // Payment received (the payments webhook calls this): pending → confirmed.
  BookingView confirm_payment(const std::string& booking_id);
  // The same inside the caller's transaction. Returns false when the booking
  // can no longer be confirmed (its hold expired, or it was cancelled): the
  // money must go back.
  bool confirm_payment(store::Session& session, const std::string& booking_id, std::int64_t now);
  // Cancels every pending booking whose payment hold has ended; returns how many.
  int expire_holds();

 private:
  using Change = std::function<void(store::Session&, domain::Booking&, std::int64_t now)>;
  // Loads the booking for a party to it (404 for anyone else), applies
  // `change` and saves it, all in one transaction.
  BookingView change(const std::string& user_id, const std::string& booking_id,
                     const Change& change);
  void expire_holds(store::Session& session, std::int64_t now, const std::string& user_id);
  void confirm(store::Session& session, domain::Booking& booking, std::int64_t now,
               const std::optional<std::string>& actor);

  store::Database& database_;
  const Clock& clock_;
  AvailabilityService& availability_;
  VideoProvider& video_;
  BookingSettings settings_;
};

// Stores what a change of `booking` did: its audit row and, for a status
// change, the follow-ups (jobs, notifications) in the same transaction; a
// refusal becomes the app::Error the caller hears.
void record(store::Session& session, const domain::Booking& booking,
            domain::Outcome<domain::BookingEvent> change);

}  // namespace confer::app
