#pragma once
// Payments and processed webhook events.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace confer::store {

struct PaymentRecord {
  std::string id;
  std::string booking_id;
  std::string specialist_id;
  std::string customer_id;
  std::int64_t amount = 0;
  std::string currency;
  std::int64_t platform_fee = 0;
  std::int64_t specialist_payout = 0;
  std::string provider;
  std::string provider_payment_id;
  std::string client_secret;
  std::string status = "pending";
  std::optional<std::string> failure_reason;
  std::int64_t refunded_amount = 0;
  std::string metadata_json = "{}";
  std::int64_t created_at = 0;
  std::optional<std::int64_t> attempted_at;
  std::optional<std::int64_t> succeeded_at;
  std::int64_t updated_at = 0;
};

class PaymentRepo {
 public:
  explicit PaymentRepo(Session& session) : session_(session) {}
  void insert(const PaymentRecord& payment);
  void update(const PaymentRecord& payment);
  std::optional<PaymentRecord> find(const std::string& id);
  std::optional<PaymentRecord> find_by_provider_id(const std::string& provider,
                                                   const std::string& provider_payment_id);
  // The booking's latest payment that did not fail (a failed one may be retried).
  std::optional<PaymentRecord> find_open_for_booking(const std::string& booking_id);
  std::vector<PaymentRecord> for_user(const std::string& user_id, int limit, int offset);
  // Records an event id; false when it was seen before (nothing else to do).
  bool record_event(const std::string& provider, const std::string& event_id,
                    const std::string& type, std::int64_t now);

 private:
  Session& session_;
};

}  // namespace confer::store
