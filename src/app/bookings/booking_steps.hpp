#pragma once
// Steps the booking use cases share, each inside the caller's transaction:
// store what a change did (its audit row and follow-ups), let lapsed holds
// go, confirm with a meeting, load the view, and the load–change–save frame
// of every change a party makes to their booking.
#include <functional>
#include <string>

#include "app/availability_service.hpp"
#include "app/bookings/booking_types.hpp"
#include "app/parsed_rules.hpp"
#include "app/ports/booking_ports.hpp"
#include "app/video.hpp"
#include "domain/slot_id.hpp"

namespace confer::app::booking_steps {

inline constexpr const char* slot_taken = "This time has just been taken. Pick another slot.";

// The slot as the rules, services and blocked times around it make it
// (bookings are checked by the write), with the parties' accounts.
struct SlotSeen {
  SlotCheck slot;
  std::int64_t schedule_version = 0;  // of the specialist's schedule, when read
  UserRecord specialist, customer;
};

// The slot `ref` for `customer_id`: 404 when there is no such bookable slot,
// 409 when it is blocked or past.
SlotSeen read_slot(ports::Transaction& tx, ParsedRulesCache& rules, const std::string& customer_id,
                   const domain::SlotRef& ref, std::int64_t now);
// A slot id from a slot list, or 422 on `slotId`.
domain::SlotRef parse_slot(const std::string& slot_id);

// Stores what a change of `booking` did: its audit row and, for a status
// change, the follow-ups (jobs, notifications); a refusal becomes the
// app::Error the caller hears.
void record(ports::Transaction& tx, const domain::Booking& booking,
            domain::Outcome<domain::BookingEvent> change);

// Unpaid holds past their time, of `user_id` (everyone's when empty): cancelled.
int expire_lapsed_holds(ports::Transaction& tx, std::int64_t now, const std::string& user_id);

// pending → confirmed, with the video provider's meeting link.
void confirm(ports::Transaction& tx, VideoProvider& video, domain::Booking& booking,
             std::int64_t now, const std::optional<std::string>& actor);

BookingView view_of(ports::Transaction& tx, domain::Booking booking);
// The same for a page of bookings, with one read each for their services,
// parties and meetings.
std::vector<BookingView> views_of(ports::Transaction& tx, std::vector<domain::Booking> bookings);

using Change = std::function<void(ports::Transaction&, domain::Booking&, std::int64_t now)>;
// Loads the booking for a party to it (404 for anyone else), lets its lapsed
// hold go first, applies `change` (none: a read) and saves it, in one write
// transaction; the booking as it is then.
BookingView change(ports::UnitOfWork& work, std::int64_t now, const std::string& user_id,
                   const std::string& booking_id, const Change& change);

// Milliseconds since the epoch ↔ the slot engine's instants.
std::int64_t to_ms(domain::Instant instant);
domain::Instant from_ms(std::int64_t ms);

}  // namespace confer::app::booking_steps
