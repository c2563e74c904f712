#include "store/notification_repo.hpp"

namespace confer::store {

void NotificationRepo::insert(const std::vector<NotificationRecord>& notifications) {
  if (notifications.empty()) return;
  std::string sql =
      "INSERT INTO notifications (id, user_id, kind, title, body, booking_id, created_at) VALUES ";
  Params params;
  for (std::size_t i = 0; i < notifications.size(); ++i) {
    const auto n = params.size();
    sql += i ? ", (" : "(";
    for (std::size_t k = 1; k <= 7; ++k) sql += (k > 1 ? ", $" : "$") + std::to_string(n + k);
    sql += ")";
    const auto& item = notifications[i];
    params.insert(params.end(), {item.id, item.user_id, item.kind, item.title, item.body,
                                 optional_param(item.booking_id), item.created_at});
  }
  session_.write_later(sql, params);
}

NotificationPage NotificationRepo::list(const std::string& user_id, bool unread_only, int limit,
                                        int offset) {
  NotificationPage page;
  const std::string filter = unread_only ? " AND read_at IS NULL" : "";
  page.total =
      session_
          .query_one("SELECT COUNT(*) FROM notifications WHERE user_id = $1" + filter, {user_id})
          ->integer(0);
  page.unread =
      session_
          .query_one("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
                     {user_id})
          ->integer(0);
  for (const auto& row : session_.query(
           "SELECT n.id, n.user_id, n.kind, n.title, n.body, n.booking_id, n.created_at, n.read_at,"
           " b.start_at FROM notifications n LEFT JOIN bookings b ON b.id = n.booking_id"
           " WHERE n.user_id = $1" +
               std::string(unread_only ? " AND n.read_at IS NULL" : "") +
               " ORDER BY n.created_at DESC, n.id DESC LIMIT $2 OFFSET $3",
           {user_id, std::int64_t{limit}, std::int64_t{offset}}))
    page.items.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4),
                          row.optional_text(5), row.integer(6), row.optional_integer(7),
                          row.optional_integer(8)});
  return page;
}

bool NotificationRepo::mark_read(const std::string& user_id, const std::string& id,
                                 std::int64_t now) {
  if (!session_.query_one("SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2",
                          {id, user_id}))
    return false;
  session_.execute(
      "UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL",
      {id, user_id, now});
  return true;
}

std::int64_t NotificationRepo::mark_all_read(const std::string& user_id, std::int64_t now) {
  return session_.execute(
      "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
      {user_id, now});
}

void NotificationRepo::set_feed_token(const std::string& user_id, const std::string& token_hash,
                                      std::int64_t now) {
  session_.execute("DELETE FROM calendar_feeds WHERE user_id = $1", {user_id});
  session_.execute(
      "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)",
      {user_id, token_hash, now});
}

bool NotificationRepo::remove_feed_token(const std::string& user_id) {
  return session_.execute("DELETE FROM calendar_feeds WHERE user_id = $1", {user_id}) > 0;
}

std::optional<std::string> NotificationRepo::feed_owner(const std::string& token_hash) {
  auto row =
      session_.query_one("SELECT user_id FROM calendar_feeds WHERE token_hash = $1", {token_hash});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::optional<std::int64_t> NotificationRepo::feed_created_at(const std::string& user_id) {
  auto row =
      session_.query_one("SELECT created_at FROM calendar_feeds WHERE user_id = $1", {user_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

}  // namespace confer::store
