#pragma once
// The ports of payments, payouts, provider meetings and in-app notifications:
// what the payment, messaging and notification use cases need from storage.
// Reached through a ports::Transaction, so their writes commit with the
// booking changes they go with.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/records.hpp"

namespace confer::app::ports {

class Payments {
 public:
  virtual ~Payments() = default;
  virtual void insert(const PaymentRecord& payment) = 0;
  virtual void update(const PaymentRecord& payment) = 0;
  virtual std::optional<PaymentRecord> find(const std::string& id) = 0;
  virtual std::optional<PaymentRecord> find_by_provider_id(
      const std::string& provider, const std::string& provider_payment_id) = 0;
  // The booking's latest payment that did not fail (a failed one may be retried).
  virtual std::optional<PaymentRecord> find_open_for_booking(const std::string& booking_id) = 0;
  virtual std::vector<PaymentRecord> for_user(const std::string& user_id, int limit,
                                              int offset) = 0;
  // A provider's event (a webhook) seen for the first time: true; a repeat: false.
  virtual bool record_event(const std::string& provider, const std::string& event_id,
                            const std::string& type, std::int64_t now) = 0;
};

class PayoutAccounts {
 public:
  virtual ~PayoutAccounts() = default;
  virtual std::optional<PayoutAccountRecord> for_user(const std::string& user_id) = 0;
  virtual void insert(const PayoutAccountRecord& account) = 0;
  // False when no such account is known.
  virtual bool update_flags(const std::string& provider, const std::string& account_id,
                            bool charges, bool payouts, bool details, std::int64_t now) = 0;
  virtual void remove(const std::string& user_id) = 0;
};

class Meetings {
 public:
  virtual ~Meetings() = default;
  virtual std::optional<MeetingRecord> for_booking(const std::string& booking_id) = 0;
  virtual std::optional<MeetingRecord> by_meeting(const std::string& provider,
                                                  const std::string& meeting_id) = 0;
  // Records the meeting and puts its join URL on the booking.
  virtual void insert(const MeetingRecord& meeting) = 0;
  virtual void save_recording(const MeetingRecord& meeting) = 0;
  // A link that needs no meeting row (Jitsi) put on the booking.
  virtual void set_link(const std::string& booking_id, const std::string& provider,
                        const std::string& url) = 0;
  virtual void remove(const std::string& booking_id) = 0;
};

struct NotificationPage {
  std::vector<NotificationRecord> items;
  std::int64_t total = 0;
  std::int64_t unread = 0;
};

class Notifications {
 public:
  virtual ~Notifications() = default;
  // Newest first.
  virtual NotificationPage list(const std::string& user_id, bool unread_only, int limit,
                                int offset) = 0;
  // False when the user has no such notification.
  virtual bool mark_read(const std::string& user_id, const std::string& id, std::int64_t now) = 0;
  virtual std::int64_t mark_all_read(const std::string& user_id, std::int64_t now) = 0;
  // The private calendar feed: one token per user, stored as its hash.
  virtual void set_feed_token(const std::string& user_id, const std::string& token_hash,
                              std::int64_t now) = 0;
  virtual bool remove_feed_token(const std::string& user_id) = 0;
  virtual std::optional<std::string> feed_owner(const std::string& token_hash) = 0;
  virtual std::optional<std::int64_t> feed_created_at(const std::string& user_id) = 0;
};

}  // namespace confer::app::ports
