#pragma once
// The sandbox's TEST MODE page: the customer pays or declines, and an event
// signed as Stripe signs it goes through the webhook like a real one.
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/payment_gateway.hpp"
#include "app/payments/payment_webhooks.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class SandboxCheckout {
 public:
  SandboxCheckout(ports::UnitOfWork& work, const Clock& clock, PaymentGateway& gateway,
                  PaymentWebhooks& webhooks, const PaymentSettings& settings)
      : work_(work), clock_(clock), gateway_(gateway), webhooks_(webhooks), settings_(settings) {}

  std::optional<PaymentRecord> find(const std::string& provider_payment_id);
  PaymentRecord decide(const std::string& provider_payment_id, bool pay);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  PaymentGateway& gateway_;
  PaymentWebhooks& webhooks_;
  const PaymentSettings& settings_;
};

}  // namespace confer::app
