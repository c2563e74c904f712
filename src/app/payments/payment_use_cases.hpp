#pragma once
// Every payment use case over one unit of work and one gateway, as the
// server wires them.
#include "app/payments/payment_intents.hpp"
#include "app/payments/payment_webhooks.hpp"
#include "app/payments/payouts.hpp"
#include "app/payments/refunds.hpp"
#include "app/payments/sandbox_checkout.hpp"

namespace confer::app {

struct PaymentUseCases {
  PaymentUseCases(ports::UnitOfWork& work, const Clock& clock, PaymentGateway& gateway,
                  SettlePayment& bookings, PaymentSettings settings)
      : settings(std::move(settings)),
        intents(work, clock, gateway, this->settings),
        refunds(work, clock, gateway, this->settings),
        webhooks(work, clock, gateway, bookings, refunds, this->settings),
        payouts(work, clock, gateway, webhooks, this->settings),
        sandbox(work, clock, gateway, webhooks, this->settings) {}
  PaymentUseCases(const PaymentUseCases&) = delete;
  PaymentUseCases& operator=(const PaymentUseCases&) = delete;

  const PaymentSettings settings;  // first: the others hold a reference to it
  PaymentIntents intents;
  Refunds refunds;
  PaymentWebhooks webhooks;
  Payouts payouts;
  SandboxCheckout sandbox;
};

}  // namespace confer::app
