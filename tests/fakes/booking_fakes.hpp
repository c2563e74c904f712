#pragma once
// In-memory fakes of the booking ports: a whole "database" in maps, with the
// same meaning as the store's (active bookings, guards, holds, filters and
// orders), so the use cases can be tested without SQLite or PostgreSQL. A
// write works on a copy that replaces the world only when the work returns,
// so a throw rolls everything back as a database would.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/ports/booking_ports.hpp"
#include "fakes/money_fakes.hpp"

namespace confer::fakes {

struct BookingWorld {
  std::map<std::string, domain::Booking> bookings;
  std::map<std::string, app::ServiceRecord> services;
  std::map<std::string, app::UserRecord> users;
  std::map<std::string, app::AvailabilityRecord> availability;  // by specialist
  std::vector<app::BlockedSlotRecord> blocks;
  std::map<std::string, app::MeetingRecord> meetings;  // by booking
  std::map<std::string, std::int64_t> schedule_versions;
  std::map<std::string, int> invite_sequences;
  std::vector<app::AuditEntry> audit;
  std::vector<app::JobRecord> jobs;
  std::vector<app::NotificationRecord> notifications;
  std::map<std::string, app::PaymentRecord> payments;
  std::map<std::string, app::PayoutAccountRecord> payout_accounts;          // by user
  std::set<std::string> provider_events;                                    // "provider:event id"
  std::map<std::string, std::pair<std::string, std::int64_t>> feed_tokens;  // hash, made at

  // Jobs of `kind` still queued for `booking_id`.
  std::vector<app::JobRecord> queued(const std::string& booking_id, const std::string& kind) const;
  // The audit rows about one booking, oldest first.
  std::vector<app::AuditEntry> audit_of(const std::string& booking_id) const;
};

class InMemoryTransaction final : public app::ports::Transaction,
                                  app::ports::Bookings,
                                  app::ports::Schedules,
                                  app::ports::Directory,
                                  app::ports::AuditLog,
                                  app::ports::Outbox {
 public:
  // `refuses_overlaps`: insert and update throw ports::Clash on an overlap,
  // like PostgreSQL's exclusion constraints.
  InMemoryTransaction(BookingWorld& world, bool refuses_overlaps)
      : world_(world),
        refuses_overlaps_(refuses_overlaps),
        payments_(world),
        payout_accounts_(world),
        meetings_(world),
        notifications_(world) {}

  app::ports::Payments& payments() override { return payments_; }
  app::ports::PayoutAccounts& payout_accounts() override { return payout_accounts_; }
  app::ports::Meetings& meetings() override { return meetings_; }
  app::ports::Notifications& notifications() override { return notifications_; }
  app::ports::Bookings& bookings() override { return *this; }
  app::ports::Schedules& schedules() override { return *this; }
  app::ports::Directory& directory() override { return *this; }
  app::ports::AuditLog& audit() override { return *this; }
  app::ports::Outbox& outbox() override { return *this; }

  // Bookings
  void insert(const domain::Booking& booking) override;
  void update(const domain::Booking& booking) override;
  std::optional<domain::Booking> find(const std::string& id) override;
  std::vector<domain::Booking> list(const app::ports::BookingFilter& filter) override;
  std::int64_t count(const app::ports::BookingFilter& filter) override;
  bool customer_has_overlap(const std::string& customer_id, std::int64_t start, std::int64_t end,
                            const std::string& except_id) override;
  bool specialist_has_overlap(const std::string& specialist_id, std::int64_t guard_start,
                              std::int64_t guard_end, const std::string& except_id) override;
  app::ports::RunningHolds running_holds(const std::string& customer_id,
                                         const std::string& specialist_id,
                                         std::int64_t now) override;
  std::vector<domain::Booking> expired_holds(std::int64_t now, const std::string& user_id) override;

  // Schedules
  std::optional<app::ports::BookingContext> booking_context(const std::string& service_id,
                                                            const std::string& customer_id,
                                                            std::int64_t from,
                                                            std::int64_t to) override;
  std::int64_t schedule_version(const std::string& specialist_id) override;

  // Directory
  std::optional<app::ServiceRecord> service(const std::string& id) override;
  std::optional<app::UserRecord> user(const std::string& id) override;
  std::optional<app::MeetingRecord> meeting(const std::string& booking_id) override;
  std::vector<app::ServiceRecord> services(const std::vector<std::string>& ids) override;
  std::vector<app::UserRecord> users(const std::vector<std::string>& ids) override;
  std::vector<app::MeetingRecord> meetings(const std::vector<std::string>& booking_ids) override;

  // AuditLog
  void append(const app::AuditEntry& entry) override;

  // Outbox
  void enqueue(const std::vector<app::JobRecord>& jobs) override;
  void cancel_queued(const std::string& booking_id, const std::vector<std::string>& kinds,
                     std::int64_t now) override;
  void notify(const std::vector<app::NotificationRecord>& notifications) override;
  int invite_sequence(const std::string& booking_id) override;
  void raise_invite_sequence(const std::string& booking_id) override;

 private:
  void refuse_overlaps(const domain::Booking& booking);
  std::vector<domain::Booking> matching(const app::ports::BookingFilter& filter) const;

  BookingWorld& world_;
  bool refuses_overlaps_;
  FakePayments payments_;
  FakePayoutAccounts payout_accounts_;
  FakeMeetings meetings_;
  FakeNotifications notifications_;
};

class InMemoryUnitOfWork final : public app::ports::UnitOfWork {
 public:
  explicit InMemoryUnitOfWork(BookingWorld& world, bool refuses_overlaps = false)
      : world_(world), refuses_overlaps_(refuses_overlaps) {}

  void read(const std::function<void(app::ports::Transaction&)>& work) override;
  void write(const std::function<void(app::ports::Transaction&)>& work) override;
  bool refuses_overlaps() const override { return refuses_overlaps_; }

  int writes = 0;  // committed or not
  // Runs before each write's work: a test's stand-in for another request
  // that commits in between (a read, then a write, on SQLite).
  std::function<void(BookingWorld&)> before_write;

 private:
  BookingWorld& world_;
  bool refuses_overlaps_;
};

}  // namespace confer::fakes
