#pragma once
// Booking a slot: a paid service's booking is held while the customer pays,
// a free one is confirmed at once. No double booking: the booking is written
// in one transaction that re-checks the slot; on SQLite writers take turns,
// so the check inside it decides, and on PostgreSQL exclusion constraints
// refuse an overlapping row even when two checks ran side by side. A
// customer may hold only a few unpaid slots at once.
#include <optional>
#include <string>

#include "app/bookings/booking_steps.hpp"
#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"
#include "app/video.hpp"

namespace confer::app {

class CreateBooking {
 public:
  CreateBooking(ports::UnitOfWork& work, const Clock& clock, VideoProvider& video,
                ParsedRulesCache& rules, BookingSettings settings)
      : work_(work), clock_(clock), video_(video), rules_(rules), settings_(settings) {}

  // `customer_timezone`: the zone the customer picked the slot in (shown to
  // them in emails and pages), empty for their account's.
  BookingView operator()(const std::string& customer_id, const std::string& slot_id,
                         const std::string& customer_notes,
                         const std::string& customer_timezone = {});

 private:
  struct Request {
    std::string customer_id;
    domain::SlotRef ref;
    std::string notes, zone;
    std::int64_t now = 0;
  };
  // Whether the time was free: the slot (by anyone), or the customer's own time.
  enum class Taken { no, by_someone, by_customer };
  // Writes the booking in `tx` (into `written`) for the slot as `seen`
  // before, unless the time is taken.
  Taken write(ports::Transaction& tx, const Request& request, const booking_steps::SlotSeen& seen,
              std::optional<domain::Booking>& written);
  // Cancels every unpaid hold past its time; how many.
  int release_lapsed_holds(std::int64_t now);

  ports::UnitOfWork& work_;
  const Clock& clock_;
  VideoProvider& video_;
  ParsedRulesCache& rules_;  // shared: parsing rules was a measurable part of a booking
  BookingSettings settings_;
};

}  // namespace confer::app
