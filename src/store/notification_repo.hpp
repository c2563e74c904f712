#pragma once
// In-app notifications and the private calendar-feed tokens (migration 0009).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/money_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using NotificationRecord = app::NotificationRecord;

using NotificationPage = app::ports::NotificationPage;

class NotificationRepo final : public app::ports::Notifications {
 public:
  explicit NotificationRepo(Session& session) : session_(session) {}

  void insert(const std::vector<NotificationRecord>& notifications);
  // Newest first.
  NotificationPage list(const std::string& user_id, bool unread_only, int limit,
                        int offset) override;
  // False when the user has no such notification.
  bool mark_read(const std::string& user_id, const std::string& id, std::int64_t now) override;
  std::int64_t mark_all_read(const std::string& user_id, std::int64_t now) override;

  // The calendar feed: one token hash per user.
  void set_feed_token(const std::string& user_id, const std::string& token_hash,
                      std::int64_t now) override;
  bool remove_feed_token(const std::string& user_id) override;
  std::optional<std::string> feed_owner(const std::string& token_hash) override;
  std::optional<std::int64_t> feed_created_at(const std::string& user_id) override;

 private:
  Session& session_;
};

}  // namespace confer::store
