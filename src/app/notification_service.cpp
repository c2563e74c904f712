#include "app/notification_service.hpp"

#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "domain/calendar_invite.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::app {
namespace {

std::string token_hash(const std::string& token) {
  return security::base64url_encode(security::sha256(token));
}

constexpr std::int64_t feed_lookback_ms = 90LL * 24 * 3'600'000;
constexpr int feed_max_events = 1000;

}  // namespace

ports::NotificationPage NotificationService::list(const std::string& user_id, bool unread_only,
                                                  int page, int page_size) {
  ports::NotificationPage result;
  work_.read([&](ports::Transaction& tx) {
    result = tx.notifications().list(user_id, unread_only, page_size, (page - 1) * page_size);
  });
  return result;
}

void NotificationService::mark_read(const std::string& user_id,
                                    const std::string& notification_id) {
  bool found = false;
  work_.write([&](ports::Transaction& tx) {
    found = tx.notifications().mark_read(user_id, notification_id, clock_.now_ms());
  });
  if (!found) throw Error::not_found("The notification");
}

std::int64_t NotificationService::mark_all_read(const std::string& user_id) {
  std::int64_t changed = 0;
  work_.write([&](ports::Transaction& tx) {
    changed = tx.notifications().mark_all_read(user_id, clock_.now_ms());
  });
  return changed;
}

std::string NotificationService::create_feed(const std::string& user_id) {
  const auto token = security::random_token();
  work_.write([&](ports::Transaction& tx) {
    tx.notifications().set_feed_token(user_id, token_hash(token), clock_.now_ms());
  });
  return api_url_ + "/api/calendar/feeds/" + token;
}

void NotificationService::revoke_feed(const std::string& user_id) {
  bool removed = false;
  work_.write(
      [&](ports::Transaction& tx) { removed = tx.notifications().remove_feed_token(user_id); });
  if (!removed) throw Error::not_found("Your calendar feed");
}

FeedStatus NotificationService::feed_status(const std::string& user_id) {
  FeedStatus status;
  work_.read([&](ports::Transaction& tx) {
    status.created_at = tx.notifications().feed_created_at(user_id);
  });
  status.active = status.created_at.has_value();
  return status;
}

std::string NotificationService::render_feed(const std::string& token) {
  std::vector<domain::CalendarEvent> events;
  bool known = false;
  const auto now = clock_.now_ms();
  work_.read([&](ports::Transaction& tx) {
    auto owner = tx.notifications().feed_owner(token_hash(token));
    if (!owner) return;
    known = true;
    auto& bookings = tx.bookings();
    auto& directory = tx.directory();
    auto& outbox = tx.outbox();
    for (bool as_specialist : {false, true}) {
      ports::BookingFilter filter;
      filter.user_id = *owner;
      filter.as_specialist = as_specialist;
      filter.upcoming = true;
      filter.now = now - feed_lookback_ms;
      filter.limit = feed_max_events;
      for (const auto& b : bookings.list(filter)) {
        if (b.status == domain::BookingStatus::pending ||
            b.status == domain::BookingStatus::no_show)
          continue;
        auto customer = directory.user(b.customer_id);
        auto specialist = directory.user(b.specialist_id);
        auto service = directory.service(b.service_id);
        if (!customer || !specialist || !service) continue;
        domain::CalendarEvent event;
        event.booking_id = b.id;
        event.sequence = outbox.invite_sequence(b.id);
        event.start = domain::from_unix_ms(b.start_at);
        event.end = domain::from_unix_ms(b.end_at);
        event.summary =
            service->title + " — " + (as_specialist ? customer->name : specialist->name);
        event.description = "Booked on Confer.";
        event.join_url = b.meeting_url.value_or("");
        // The platform's address, never the specialist's own (a customer
        // reads this feed): see email::BookingFacts::organizer_email.
        event.organizer = {specialist->name, organizer_email_};
        event.attendee = {customer->name, customer->email};
        event.cancelled = b.status == domain::BookingStatus::cancelled;
        events.push_back(std::move(event));
      }
    }
  });
  if (!known) throw Error::not_found("This calendar feed (it may have been revoked)");
  return domain::render_feed(events, "Confer bookings", domain::from_unix_ms(now));
}

}  // namespace confer::app
