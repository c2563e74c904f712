#pragma once
// Payments and processed webhook events.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/money_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using PaymentRecord = app::PaymentRecord;

class PaymentRepo final : public app::ports::Payments {
 public:
  explicit PaymentRepo(Session& session) : session_(session) {}
  void insert(const PaymentRecord& payment) override;
  void update(const PaymentRecord& payment) override;
  std::optional<PaymentRecord> find(const std::string& id) override;
  std::optional<PaymentRecord> find_by_provider_id(const std::string& provider,
                                                   const std::string& provider_payment_id) override;
  // The booking's latest payment that did not fail (a failed one may be retried).
  std::optional<PaymentRecord> find_open_for_booking(const std::string& booking_id) override;
  std::vector<PaymentRecord> for_user(const std::string& user_id, int limit, int offset) override;
  // Records an event id; false when it was seen before (nothing else to do).
  bool record_event(const std::string& provider, const std::string& event_id,
                    const std::string& type, std::int64_t now) override;

 private:
  Session& session_;
};

}  // namespace confer::store
