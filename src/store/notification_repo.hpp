#pragma once
// In-app notifications and the private calendar-feed tokens (migration 0009).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using NotificationRecord = app::NotificationRecord;

struct NotificationPage {
  std::vector<NotificationRecord> items;
  std::int64_t total = 0;
  std::int64_t unread = 0;
};

class NotificationRepo {
 public:
  explicit NotificationRepo(Session& session) : session_(session) {}

  void insert(const std::vector<NotificationRecord>& notifications);
  // Newest first.
  NotificationPage list(const std::string& user_id, bool unread_only, int limit, int offset);
  // False when the user has no such notification.
  bool mark_read(const std::string& user_id, const std::string& id, std::int64_t now);
  std::int64_t mark_all_read(const std::string& user_id, std::int64_t now);

  // The calendar feed: one token hash per user.
  void set_feed_token(const std::string& user_id, const std::string& token_hash, std::int64_t now);
  bool remove_feed_token(const std::string& user_id);
  std::optional<std::string> feed_owner(const std::string& token_hash);
  std::optional<std::int64_t> feed_created_at(const std::string& user_id);

 private:
  Session& session_;
};

}  // namespace confer::store
