#pragma once
// A payment provider in memory: intents numbered in order, refunds recorded
// by idempotency key (a repeated key refunds nothing twice, as Stripe's
// keys do), accounts per user, and events kept by id (the "body" is the id).
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/payment_events.hpp"
#include "app/payment_gateway.hpp"

namespace confer::fakes {

class FakeGateway final : public app::PaymentGateway {
 public:
  std::string name() const override { return "sandbox"; }

  app::Intent create_intent(const app::IntentRequest& request) override {
    intents.push_back(request);
    return {"sandbox", "pi_" + std::to_string(intents.size()), "secret"};
  }

  std::string refund(const app::RefundRequest& request) override {
    if (fail_refunds) throw std::runtime_error("the provider is down");
    if (!refunds.contains(request.idempotency_key)) refunds[request.idempotency_key] = request;
    return "re_" + request.idempotency_key;
  }

  app::ConnectedAccount create_account(const std::string& user_id, const std::string&,
                                       const std::string&) override {
    ++accounts_made;
    return {"acct_sandbox_" + user_id, false, false, false};
  }

  std::string account_link(const std::string& account_id, const std::string&, const std::string&,
                           const std::string&) override {
    return "https://connect.example/" + account_id;
  }

  app::PaymentEvent read_event(std::string_view body) const override {
    return events.at(std::string(body));
  }

  std::string event_body(const app::PaymentEvent& event) const override {
    auto stored = event;
    if (stored.type_name.empty()) stored.type_name = "sandbox.event";
    events[stored.id] = stored;
    return stored.id;
  }

  std::vector<app::IntentRequest> intents;
  std::map<std::string, app::RefundRequest> refunds;  // by idempotency key
  int accounts_made = 0;
  bool fail_refunds = false;
  mutable std::map<std::string, app::PaymentEvent> events;
};

}  // namespace confer::fakes
