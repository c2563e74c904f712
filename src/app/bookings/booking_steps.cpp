#include "app/bookings/booking_steps.hpp"

#include <algorithm>
#include <unordered_map>

#include "app/booking_events.hpp"
#include "app/errors.hpp"

namespace confer::app::booking_steps {

std::int64_t to_ms(domain::Instant instant) {
  return instant.time_since_epoch().count() * 1000;
}

domain::Instant from_ms(std::int64_t ms) {
  return domain::Instant{std::chrono::seconds{ms / 1000}};
}

domain::SlotRef parse_slot(const std::string& slot_id) {
  auto ref = domain::parse_slot_id(slot_id);
  if (!ref) throw Error::invalid_field("slotId", "is not a slot id from a slot list");
  return *ref;
}

SlotSeen read_slot(ports::Transaction& tx, ParsedRulesCache& rules, const std::string& customer_id,
                   const domain::SlotRef& ref, std::int64_t now) {
  // The local day holding the start lies within 26 hours either side of it.
  auto context = tx.schedules().booking_context(ref.service_id, customer_id,
                                                to_ms(ref.start - std::chrono::hours{26}),
                                                to_ms(ref.start + std::chrono::hours{26}));
  if (!context || context->service.deleted_at || !context->service.published ||
      !context->availability || !context->specialist)
    throw Error::not_found("The slot");
  if (context->service.specialist_id == customer_id)
    throw Error::conflict("You cannot book your own service.");
  if (!context->customer) throw Error::not_found("Your account");
  std::vector<domain::Interval> blocks;
  for (const auto& block : context->blocks)
    blocks.push_back({from_ms(block.start_at), from_ms(block.end_at)});
  auto slot = AvailabilityService::slot_at(context->service, rules.rules(*context->availability),
                                           {}, blocks, ref.start, now);
  if (!slot) throw Error::not_found("The slot");
  if (slot->slot.status != domain::SlotStatus::available) throw Error::conflict(slot_taken);
  return {std::move(*slot), context->schedule_version, std::move(*context->specialist),
          std::move(*context->customer)};
}

void record(ports::Transaction& tx, const domain::Booking& booking,
            domain::Outcome<domain::BookingEvent> change) {
  if (!change) throw Error::refused(change.refusal());
  const auto& event = change.value();
  AuditEntry entry;
  entry.actor_id = event.actor_id;
  entry.action = event.action;
  entry.entity_type = "booking";
  entry.entity_id = booking.id;
  if (!event.from_state.empty()) entry.from_state = event.from_state;
  if (!event.to_state.empty()) entry.to_state = event.to_state;
  entry.detail = event.detail;
  entry.created_at = event.at;
  tx.audit().append(entry);
  if (event.action != "booking.status_changed") return;
  // The follow-ups (emails, reminders, notifications) in the same transaction.
  if (booking.status == domain::BookingStatus::confirmed)
    on_booking_confirmed(tx.outbox(), booking, event.at);
  if (booking.status == domain::BookingStatus::cancelled &&
      event.from_state != domain::to_string(domain::BookingStatus::pending))
    on_booking_cancelled(tx.outbox(), booking, event.at);
}

int expire_lapsed_holds(ports::Transaction& tx, std::int64_t now, const std::string& user_id) {
  int expired = 0;
  for (auto& booking : tx.bookings().expired_holds(now, user_id)) {
    record(tx, booking, booking.expire_hold(now));
    tx.bookings().update(booking);
    ++expired;
  }
  return expired;
}

void confirm(ports::Transaction& tx, VideoProvider& video, domain::Booking& booking,
             std::int64_t now, const std::optional<std::string>& actor) {
  record(tx, booking, booking.confirm(actor, now));
  auto meeting = video.create_meeting(booking.id);
  booking.meeting_provider = meeting.provider;
  // A provider with an API (Zoom) makes the meeting in the confirmation job.
  if (!meeting.join_url.empty()) booking.meeting_url = meeting.join_url;
}

BookingView view_of(ports::Transaction& tx, domain::Booking booking) {
  auto& directory = tx.directory();
  auto service = directory.service(booking.service_id);
  auto specialist = directory.user(booking.specialist_id);
  auto customer = directory.user(booking.customer_id);
  if (!service || !specialist || !customer)
    throw std::runtime_error("booking " + booking.id + " points at missing rows");
  auto meeting = booking.meeting_provider == std::optional<std::string>("zoom")
                     ? directory.meeting(booking.id)
                     : std::nullopt;
  return {std::move(booking), *service, *specialist, *customer, std::move(meeting)};
}

std::vector<BookingView> views_of(ports::Transaction& tx, std::vector<domain::Booking> bookings) {
  std::vector<std::string> service_ids, user_ids, zoom_ids;
  for (const auto& b : bookings) {
    service_ids.push_back(b.service_id);
    user_ids.push_back(b.specialist_id);
    user_ids.push_back(b.customer_id);
    if (b.meeting_provider == std::optional<std::string>("zoom")) zoom_ids.push_back(b.id);
  }
  // A page's bookings mostly share one specialist and a few services.
  for (auto* ids : {&service_ids, &user_ids}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  auto& directory = tx.directory();
  std::unordered_map<std::string, ServiceRecord> services;
  std::unordered_map<std::string, UserRecord> users;
  std::unordered_map<std::string, MeetingRecord> meetings;
  for (auto& s : directory.services(service_ids)) services.emplace(s.id, std::move(s));
  for (auto& u : directory.users(user_ids)) users.emplace(u.id, std::move(u));
  if (!zoom_ids.empty())
    for (auto& m : directory.meetings(zoom_ids)) meetings.emplace(m.booking_id, std::move(m));
  std::vector<BookingView> views;
  for (auto& b : bookings) {
    auto service = services.find(b.service_id);
    auto specialist = users.find(b.specialist_id);
    auto customer = users.find(b.customer_id);
    if (service == services.end() || specialist == users.end() || customer == users.end())
      throw std::runtime_error("booking " + b.id + " points at missing rows");
    auto meeting = meetings.find(b.id);
    views.push_back(
        {std::move(b), service->second, specialist->second, customer->second,
         meeting == meetings.end() ? std::nullopt : std::optional<MeetingRecord>(meeting->second)});
  }
  return views;
}

BookingView change(ports::UnitOfWork& work, std::int64_t now, const std::string& user_id,
                   const std::string& booking_id, const Change& apply) {
  std::optional<BookingView> result;
  work.write([&](ports::Transaction& tx) {
    auto booking = tx.bookings().find(booking_id);
    if (!booking || !booking->party(user_id)) return;
    if (booking->hold_lapsed(now)) {
      expire_lapsed_holds(tx, now, booking->customer_id);
      booking = tx.bookings().find(booking_id);
    }
    if (apply) {
      apply(tx, *booking, now);
      booking->updated_at = now;
      tx.bookings().update(*booking);
    }
    result = view_of(tx, *booking);
  });
  if (!result) throw Error::not_found("The booking");
  return *result;
}

}  // namespace confer::app::booking_steps
