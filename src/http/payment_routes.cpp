#include <boost/json.hpp>

#include "app/earnings.hpp"
#include "app/errors.hpp"
#include "app/payments/payment_use_cases.hpp"
#include "http/idempotency.hpp"
#include "http/json/money.hpp"
#include "http/json/payment.hpp"
#include "http/json_body.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

namespace confer::http {
namespace {

// The sandbox's stand-in for Stripe's checkout: plain HTML forms, no script.
std::string sandbox_page(const app::PaymentRecord& p, const std::string& message) {
  const std::string base = "/api/payments/sandbox/" + p.provider_payment_id;
  std::string actions;
  if (p.status == "pending")
    actions = "<form method=\"post\" action=\"" + base + "/pay\"><button class=\"pay\">Pay " +
              json::money_text(p.amount, p.currency) +
              " (test)</button></form><form method=\"post\" action=\"" + base +
              "/decline\"><button class=\"decline\">Decline the test card</button></form>";
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\"><title>Confer test payment</title><style>"
         "body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem}"
         ".mode{background:#fde68a;color:#78350f;font-weight:700;padding:.5rem "
         "1rem;border-radius:.5rem}"
         "button{font-size:1rem;padding:.7rem 1.2rem;margin:.5rem 0;border-radius:.5rem;border:0;"
         "cursor:pointer}.pay{background:#16a34a;color:#fff}.decline{background:#e5e7eb}</style>"
         "</head><body><p class=\"mode\">TEST MODE — no real money moves</p><h1>Pay for your "
         "booking</h1><p>Amount: <strong>" +
         json::money_text(p.amount, p.currency) + "</strong></p><p>Status: <strong id=\"status\">" +
         p.status + "</strong></p>" + (message.empty() ? "" : "<p>" + message + "</p>") + actions +
         "<p><a href=\"/bookings/" + p.booking_id + "\">See your booking</a></p></body></html>";
}

void add_earnings_routes(Router& router, app::ports::SettledPayments& settled,
                         int platform_fee_bps) {
  router.add("GET", "/api/earnings", Access::roles({"specialist"}),
             [&settled, platform_fee_bps](Request& request) {
               return Response::json(
                   200, json::earnings(
                            app::earnings(settled, request.caller().user_id, platform_fee_bps)));
             });
  router.add("GET", "/api/admin/revenue", Access::roles({"admin"}),
             [&settled, platform_fee_bps](Request&) {
               return Response::json(200,
                                     json::earnings(app::earnings(settled, "", platform_fee_bps)));
             });
}

// Paying: the intent (once per Idempotency-Key) and the provider's webhook.
void add_intent_routes(Router& router, app::PaymentUseCases& payments,
                       IdempotencyKeys& idempotency) {
  router.add("POST", "/api/payments/create-intent", Access::roles({"customer"}),
             [&payments, &idempotency](Request& request) {
               return idempotency.run(request, [&] {
                 auto body = json_object_body(request);
                 FieldReader reader(body);
                 auto booking_id = reader.required_string("bookingId", 1, 64);
                 reader.finish();
                 auto payment = payments.intents.create(request.caller().user_id, *booking_id);
                 auto json = json::payment(payment);
                 json["clientSecret"] = payment.client_secret;
                 if (payment.provider == "sandbox")
                   json["checkoutUrl"] = "/api/payments/sandbox/" + payment.provider_payment_id;
                 return Response::json(201, json);
               });
             });

  // Stripe's events (and the sandbox's, signed the same way). The raw body is
  // what the signature covers, so it is read before anything parses it.
  router.add("POST", "/api/payments/webhook", Access::anyone(), [&payments](Request& request) {
    auto outcome = payments.webhooks.handle(request.body(), request.header("Stripe-Signature"));
    const char* text = outcome == app::WebhookOutcome::applied     ? "applied"
                       : outcome == app::WebhookOutcome::duplicate ? "duplicate"
                                                                   : "ignored";
    return Response::json(200, {{"received", true}, {"outcome", text}});
  });
}

// A party's payments, and a specialist's (or an admin's) refunds.
void add_payment_reads(Router& router, app::PaymentUseCases& payments) {
  router.add("GET", "/api/payments/history", Access::signed_in(), [&payments](Request& request) {
    const int page = query_int(request, "page", 1, 1, 100000);
    const int page_size = query_int(request, "pageSize", 20, 1, 100);
    boost::json::array items;
    for (const auto& p : payments.intents.history(request.caller().user_id, page, page_size))
      items.push_back(json::payment(p));
    return Response::json(200,
                          {{"items", std::move(items)}, {"page", page}, {"pageSize", page_size}});
  });

  router.add("POST", "/api/payments/:paymentId/refund", Access::roles({"specialist", "admin"}),
             [&payments](Request& request) {
               auto body = json_object_body(request);
               FieldReader reader(body);
               auto amount = reader.optional_integer("amount", 1, 1'000'000'000);
               reader.finish();
               const auto& caller = request.caller();
               return Response::json(
                   200, json::payment(payments.refunds.refund(caller.user_id, caller.role,
                                                              request.param("paymentId"), amount)));
             });

  router.add("GET", "/api/payments/:paymentId", Access::signed_in(), [&payments](Request& request) {
    return Response::json(200, json::payment(payments.intents.get(request.caller().user_id,
                                                                  request.param("paymentId"))));
  });
}

void add_sandbox_routes(Router& router, app::PaymentUseCases& payments) {
  // The sandbox checkout. The intent id (96 random bits) is the capability,
  // as a Stripe client secret is.
  router.add("GET", "/api/payments/sandbox/:intentId", Access::anyone(),
             [&payments](Request& request) {
               auto payment = payments.sandbox.find(request.param("intentId"));
               if (!payment) throw app::Error::not_found("The test payment");
               return Response::text(200, "text/html; charset=utf-8", sandbox_page(*payment, ""));
             });
  for (const auto& [action, pay] : {std::pair{"pay", true}, std::pair{"decline", false}}) {
    router.add("POST", std::string("/api/payments/sandbox/:intentId/") + action, Access::anyone(),
               [&payments, pay = pay](Request& request) {
                 auto payment = payments.sandbox.decide(request.param("intentId"), pay);
                 auto message = payment.status == "succeeded" ? "Paid. Your booking is confirmed."
                                : payment.status == "refunded"
                                    ? "Paid too late: the booking had expired, so the "
                                      "payment was refunded."
                                    : "The test card was declined. Nothing was charged.";
                 return Response::text(200, "text/html; charset=utf-8",
                                       sandbox_page(payment, message));
               });
  }
}

}  // namespace

void register_payment_routes(Router& router, app::PaymentUseCases& payments,
                             IdempotencyKeys& idempotency, app::ports::SettledPayments& settled,
                             int platform_fee_bps) {
  add_earnings_routes(router, settled, platform_fee_bps);
  add_intent_routes(router, payments, idempotency);
  add_payment_reads(router, payments);
  add_sandbox_routes(router, payments);
}

}  // namespace confer::http
