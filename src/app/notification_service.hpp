#pragma once
// A user's in-app notifications, and their private calendar feed: an .ics
// URL with a revocable token that Google or Apple Calendar subscribes to.
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

struct FeedStatus {
  bool active = false;
  std::optional<std::int64_t> created_at;
};

class NotificationService {
 public:
  // `organizer_email`: the platform's address, the ORGANIZER of feed events.
  NotificationService(ports::UnitOfWork& work, const Clock& clock, std::string api_url,
                      std::string organizer_email = "no-reply@confer.local")
      : work_(work),
        clock_(clock),
        api_url_(std::move(api_url)),
        organizer_email_(std::move(organizer_email)) {}

  ports::NotificationPage list(const std::string& user_id, bool unread_only, int page,
                               int page_size);
  void mark_read(const std::string& user_id, const std::string& notification_id);
  std::int64_t mark_all_read(const std::string& user_id);

  // A new feed URL (the token is shown only now); any earlier URL stops working.
  std::string create_feed(const std::string& user_id);
  void revoke_feed(const std::string& user_id);
  FeedStatus feed_status(const std::string& user_id);
  // The feed's iCalendar text: the user's bookings (as customer or
  // specialist) from 90 days back on, cancelled ones marked so.
  std::string render_feed(const std::string& token);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  std::string api_url_;
  std::string organizer_email_;
};

}  // namespace confer::app
