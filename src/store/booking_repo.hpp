#pragma once
// Bookings: rows in, rows out. The rules live in domain/booking_rules and the
// use cases in app/booking_service.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace confer::store {

// No booking with its guard spans more than this (services last at most 8
// hours, buffers 4): overlap queries use it to bound their index range scans.
constexpr std::int64_t longest_booking_ms = 13 * 3'600'000;

struct BookingRecord {
  std::string id;
  std::string specialist_id;
  std::string customer_id;
  std::string service_id;
  std::string slot_id;
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::int64_t guard_start_at = 0;
  std::int64_t guard_end_at = 0;
  std::string status = "pending";
  bool active = true;
  std::optional<std::int64_t> hold_expires_at;
  std::string customer_notes;
  std::string specialist_notes;
  std::string shared_notes;
  std::optional<std::string> cancellation_type;
  std::optional<std::string> cancellation_reason;
  std::optional<std::int64_t> cancelled_at;
  std::int64_t payment_amount = 0;
  std::string payment_currency;
  std::string payment_status = "pending";
  std::int64_t refund_amount = 0;
  std::optional<std::int64_t> session_started_at;
  std::optional<std::int64_t> session_ended_at;
  std::optional<std::string> rescheduled_from;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::string> meeting_provider;
  std::optional<std::string> meeting_url;
  std::optional<std::int64_t> refund_requested_at;
  std::optional<std::string> refund_request_reason;
  std::optional<std::int64_t> confirmed_at;
  // The service's cancellation policy when the booking was made (migration
  // 0015): cancellations follow these, never the service's current policy.
  int policy_deadline_hours = 24;
  std::string policy_refund = "full";  // full | percentage | none
  int policy_refund_percentage = 100;
  // The zone the customer picked the slot in; empty: their account's zone.
  std::string customer_timezone;
};

struct BookingFilter {
  std::string user_id;
  bool as_specialist = false;  // the user's bookings as specialist, else as customer
  std::optional<std::string> status;
  std::optional<bool> upcoming;  // true: end after now; false: ended by now
  std::int64_t now = 0;
  int offset = 0;
  int limit = 20;
};

class BookingRepo {
 public:
  explicit BookingRepo(Session& session) : session_(session) {}

  void insert(const BookingRecord& booking);
  void update(const BookingRecord& booking);  // every mutable column
  std::optional<BookingRecord> find(const std::string& id);
  std::vector<BookingRecord> list(const BookingFilter& filter);
  std::int64_t count(const BookingFilter& filter);
  // Active bookings of the customer overlapping [start, end), other than `except_id`.
  bool customer_has_overlap(const std::string& customer_id, std::int64_t start, std::int64_t end,
                            const std::string& except_id);
  // Active bookings of the specialist whose guards overlap [start, end).
  bool specialist_has_overlap(const std::string& specialist_id, std::int64_t guard_start,
                              std::int64_t guard_end, const std::string& except_id);
  // The customer's unpaid holds still running at `now`: how many in all, and
  // with `specialist_id`; and when the first of them runs out.
  struct Holds {
    std::int64_t total = 0;
    std::int64_t with_specialist = 0;
    std::int64_t first_expiry = 0;
  };
  Holds running_holds(const std::string& customer_id, const std::string& specialist_id,
                      std::int64_t now);
  // Pending bookings whose hold ended by `now` (optionally of one person).
  std::vector<BookingRecord> expired_holds(std::int64_t now, const std::string& user_id = {});

 private:
  Session& session_;
};

}  // namespace confer::store
