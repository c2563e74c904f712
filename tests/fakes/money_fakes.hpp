#pragma once
// In-memory payments, payout accounts, provider meetings and notifications
// over a BookingWorld (see booking_fakes.hpp).
#include "app/ports/money_ports.hpp"

namespace confer::fakes {

struct BookingWorld;

class FakePayments final : public app::ports::Payments {
 public:
  explicit FakePayments(BookingWorld& world) : world_(world) {}
  void insert(const app::PaymentRecord& payment) override;
  void update(const app::PaymentRecord& payment) override;
  std::optional<app::PaymentRecord> find(const std::string& id) override;
  std::optional<app::PaymentRecord> find_by_provider_id(
      const std::string& provider, const std::string& provider_payment_id) override;
  std::optional<app::PaymentRecord> find_open_for_booking(const std::string& booking_id) override;
  std::vector<app::PaymentRecord> for_user(const std::string& user_id, int limit,
                                           int offset) override;
  bool record_event(const std::string& provider, const std::string& event_id,
                    const std::string& type, std::int64_t now) override;

 private:
  BookingWorld& world_;
};

class FakePayoutAccounts final : public app::ports::PayoutAccounts {
 public:
  explicit FakePayoutAccounts(BookingWorld& world) : world_(world) {}
  std::optional<app::PayoutAccountRecord> for_user(const std::string& user_id) override;
  void insert(const app::PayoutAccountRecord& account) override;
  bool update_flags(const std::string& provider, const std::string& account_id, bool charges,
                    bool payouts, bool details, std::int64_t now) override;
  void remove(const std::string& user_id) override;

 private:
  BookingWorld& world_;
};

class FakeMeetings final : public app::ports::Meetings {
 public:
  explicit FakeMeetings(BookingWorld& world) : world_(world) {}
  std::optional<app::MeetingRecord> for_booking(const std::string& booking_id) override;
  std::optional<app::MeetingRecord> by_meeting(const std::string& provider,
                                               const std::string& meeting_id) override;
  void insert(const app::MeetingRecord& meeting) override;
  void save_recording(const app::MeetingRecord& meeting) override;
  void set_link(const std::string& booking_id, const std::string& provider,
                const std::string& url) override;
  void remove(const std::string& booking_id) override;

 private:
  BookingWorld& world_;
};

class FakeNotifications final : public app::ports::Notifications {
 public:
  explicit FakeNotifications(BookingWorld& world) : world_(world) {}
  app::ports::NotificationPage list(const std::string& user_id, bool unread_only, int limit,
                                    int offset) override;
  bool mark_read(const std::string& user_id, const std::string& id, std::int64_t now) override;
  std::int64_t mark_all_read(const std::string& user_id, std::int64_t now) override;
  void set_feed_token(const std::string& user_id, const std::string& token_hash,
                      std::int64_t now) override;
  bool remove_feed_token(const std::string& user_id) override;
  std::optional<std::string> feed_owner(const std::string& token_hash) override;
  std::optional<std::int64_t> feed_created_at(const std::string& user_id) override;

 private:
  BookingWorld& world_;
};

}  // namespace confer::fakes
