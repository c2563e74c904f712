#pragma once
// Paying for a booking: the intent (amount and currency from the booking,
// never from the client; the platform fee split off), and the payments a
// party may look at.
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/payment_gateway.hpp"
#include "app/payments/payment_settings.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class PaymentIntents {
 public:
  PaymentIntents(ports::UnitOfWork& work, const Clock& clock, PaymentGateway& gateway,
                 const PaymentSettings& settings)
      : work_(work), clock_(clock), gateway_(gateway), settings_(settings) {}

  // For the booking's customer, while the booking awaits payment; asking
  // again returns the same open intent.
  PaymentRecord create(const std::string& customer_id, const std::string& booking_id);
  // For its customer or specialist; 404 for anyone else.
  PaymentRecord get(const std::string& user_id, const std::string& payment_id);
  std::vector<PaymentRecord> history(const std::string& user_id, int page, int page_size);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  PaymentGateway& gateway_;
  const PaymentSettings& settings_;
};

}  // namespace confer::app
