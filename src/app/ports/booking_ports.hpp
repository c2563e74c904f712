#pragma once
// The ports of the booking use cases: what they need from storage, said in
// the product's words. The store implements them over SQLite and PostgreSQL
// (store/booking_transaction); tests/fakes holds in-memory ones, so the use
// cases run without a database. A Transaction's repositories all act within
// one database transaction; a UnitOfWork runs one and commits it, or rolls it
// back when the work throws.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/ports/money_ports.hpp"
#include "app/ports/records.hpp"
#include "domain/booking.hpp"

namespace confer::app::ports {

struct BookingFilter {
  std::string user_id;
  bool as_specialist = false;  // the user's bookings as specialist, else as customer
  std::optional<domain::BookingStatus> status;
  std::optional<bool> upcoming;  // true: end after now; false: ended by now
  std::int64_t now = 0;
  // Keyset: only the bookings after this one in the list's order (then
  // offset is not used).
  struct Position {
    std::int64_t start_at = 0;
    std::string id;
  };
  std::optional<Position> after;
  int offset = 0;
  int limit = 20;
};

// The customer's unpaid holds still running: how many in all, and with one
// specialist; and when the first of them runs out.
struct RunningHolds {
  std::int64_t total = 0;
  std::int64_t with_specialist = 0;
  std::int64_t first_expiry = 0;
};

class Bookings {
 public:
  virtual ~Bookings() = default;
  virtual void insert(const domain::Booking& booking) = 0;
  virtual void update(const domain::Booking& booking) = 0;
  virtual std::optional<domain::Booking> find(const std::string& id) = 0;
  // Upcoming soonest first (by start, then id), otherwise most recent first
  // (by start, then id, both descending).
  virtual std::vector<domain::Booking> list(const BookingFilter& filter) = 0;
  virtual std::int64_t count(const BookingFilter& filter) = 0;
  // Active bookings of the customer overlapping [start, end), but `except_id`.
  virtual bool customer_has_overlap(const std::string& customer_id, std::int64_t start,
                                    std::int64_t end, const std::string& except_id) = 0;
  // Active bookings of the specialist whose guards overlap [start, end), but `except_id`.
  virtual bool specialist_has_overlap(const std::string& specialist_id, std::int64_t guard_start,
                                      std::int64_t guard_end, const std::string& except_id) = 0;
  // At `now`. Transactions counting one customer's holds take turns, so a
  // count and the hold added after it cannot both slip past a limit.
  virtual RunningHolds running_holds(const std::string& customer_id,
                                     const std::string& specialist_id, std::int64_t now) = 0;
  // Pending bookings whose hold ended by `now` (of one person, when given).
  virtual std::vector<domain::Booking> expired_holds(std::int64_t now,
                                                     const std::string& user_id) = 0;
};

// Everything a new booking is checked against: the service, its specialist's
// rules and account, the customer's account and the blocked times around the
// slot.
struct BookingContext {
  ServiceRecord service;
  std::optional<AvailabilityRecord> availability;
  std::optional<UserRecord> specialist;
  std::optional<UserRecord> customer;
  std::vector<BlockedSlotRecord> blocks;  // overlapping the asked window, by start
  // Moves with every change to the specialist's rules, services, blocked
  // times or zone: the same value later means none of them changed.
  std::int64_t schedule_version = 0;
};

class Schedules {
 public:
  virtual ~Schedules() = default;
  // nullopt when the service does not exist.
  virtual std::optional<BookingContext> booking_context(const std::string& service_id,
                                                        const std::string& customer_id,
                                                        std::int64_t from, std::int64_t to) = 0;
  virtual std::int64_t schedule_version(const std::string& specialist_id) = 0;
};

// The service, parties and provider meeting a booking's pages show.
class Directory {
 public:
  virtual ~Directory() = default;
  virtual std::optional<ServiceRecord> service(const std::string& id) = 0;
  virtual std::optional<UserRecord> user(const std::string& id) = 0;
  virtual std::optional<MeetingRecord> meeting(const std::string& booking_id) = 0;
  // The same for a page of bookings, one read each (those found).
  virtual std::vector<ServiceRecord> services(const std::vector<std::string>& ids) = 0;
  virtual std::vector<UserRecord> users(const std::vector<std::string>& ids) = 0;
  virtual std::vector<MeetingRecord> meetings(const std::vector<std::string>& booking_ids) = 0;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual void append(const AuditEntry& entry) = 0;
};

// What a change sets in motion, written in the change's own transaction
// (DESIGN.md invariant 4): jobs and in-app notifications.
class Outbox {
 public:
  virtual ~Outbox() = default;
  virtual void enqueue(const std::vector<JobRecord>& jobs) = 0;
  // Queued jobs of these kinds for the booking stop (a reminder of a moved
  // or cancelled booking).
  virtual void cancel_queued(const std::string& booking_id, const std::vector<std::string>& kinds,
                             std::int64_t now) = 0;
  virtual void notify(const std::vector<NotificationRecord>& notifications) = 0;
  // The SEQUENCE of the booking's calendar invite: read, and raised by a change.
  virtual int invite_sequence(const std::string& booking_id) = 0;
  virtual void raise_invite_sequence(const std::string& booking_id) = 0;
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Bookings& bookings() = 0;
  virtual Schedules& schedules() = 0;
  virtual Directory& directory() = 0;
  virtual AuditLog& audit() = 0;
  virtual Outbox& outbox() = 0;
  virtual Payments& payments() = 0;
  virtual PayoutAccounts& payout_accounts() = 0;
  virtual Meetings& meetings() = 0;
  virtual Notifications& notifications() = 0;
};

// The database refused a write that clashes with what it holds: an
// overlapping booking (PostgreSQL's exclusion constraints) or a duplicate
// key. `constraint` names it when the database says.
class Clash : public std::runtime_error {
 public:
  explicit Clash(std::string constraint)
      : std::runtime_error("clash: " + constraint), constraint_(std::move(constraint)) {}
  const std::string& constraint() const { return constraint_; }

 private:
  std::string constraint_;
};

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  // Runs `work` in one transaction: committed when it returns, rolled back
  // when it throws. A clash the database finds (maybe only at commit) is
  // thrown as Clash.
  virtual void read(const std::function<void(Transaction&)>& work) = 0;
  virtual void write(const std::function<void(Transaction&)>& work) = 0;
  // True when the database itself refuses overlapping bookings (PostgreSQL's
  // exclusion constraints), so a booking needs no overlap check of its own;
  // false when writers take turns and the check inside the write decides
  // (SQLite).
  virtual bool refuses_overlaps() const = 0;
};

}  // namespace confer::app::ports
