#include <boost/json.hpp>

#include "app/errors.hpp"
#include "app/payments/payment_use_cases.hpp"
#include "http/json/payout_account.hpp"
#include "http/routes.hpp"

namespace confer::http {
namespace {

// The sandbox's stand-in for Stripe's hosted onboarding: one form, no script.
std::string onboarding_page(const std::string& account_id, const std::string& message) {
  const std::string done = message.empty() ? "" : "<p><strong>" + message + "</strong></p>";
  const std::string form =
      message.empty() ? "<form method=\"post\" action=\"/api/payments/sandbox-onboarding/" +
                            account_id + "/complete\"><button>Submit test details</button></form>"
                      : "";
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\"><title>Confer test payouts</title><style>"
         "body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem}"
         ".mode{background:#fde68a;color:#78350f;font-weight:700;padding:.5rem 1rem;"
         "border-radius:.5rem}button{font-size:1rem;padding:.7rem 1.2rem;border-radius:.5rem;"
         "border:0;background:#4f46e5;color:#fff;cursor:pointer}</style></head><body>"
         "<p class=\"mode\">TEST MODE — no real account is opened</p><h1>Set up payouts</h1>"
         "<p>Account <code>" +
         account_id +
         "</code>. With Stripe, this is where you would give your bank and identity details."
         "</p>" +
         done + form + "<p><a href=\"/dashboard\">Back to your dashboard</a></p></body></html>";
}

}  // namespace

void register_payout_routes(Router& router, app::PaymentUseCases& payments,
                            const std::string& provider, const std::string& publishable_key) {
  router.add(
      "GET", "/api/payments/config", Access::anyone(), [provider, publishable_key](Request&) {
        boost::json::object json{{"provider", provider}};
        json["publishableKey"] = publishable_key.empty() ? boost::json::value(nullptr)
                                                         : boost::json::value(publishable_key);
        return Response::json(200, json);
      });
  const auto specialist = Access::roles({"specialist"});
  router.add("GET", "/api/payments/connect", specialist, [&payments](Request& request) {
    return Response::json(200,
                          json::payout_account(payments.payouts.account(request.caller().user_id)));
  });
  router.add("POST", "/api/payments/connect", specialist, [&payments](Request& request) {
    auto [account, url] = payments.payouts.onboarding_link(request.caller().user_id);
    auto json = json::payout_account(account);
    json["onboardingUrl"] = url;
    return Response::json(201, json);
  });
  // The sandbox's onboarding page; the account id (64 random bits) is the capability.
  router.add("GET", "/api/payments/sandbox-onboarding/:accountId", Access::anyone(),
             [](Request& request) {
               const auto& id = request.param("accountId");
               if (!id.starts_with("acct_sandbox_") || id.size() > 40)
                 throw app::Error::not_found("The test account");
               return Response::text(200, "text/html; charset=utf-8", onboarding_page(id, ""));
             });
  router.add("POST", "/api/payments/sandbox-onboarding/:accountId/complete", Access::anyone(),
             [&payments](Request& request) {
               const auto& id = request.param("accountId");
               payments.payouts.sandbox_complete_onboarding(id);
               return Response::text(200, "text/html; charset=utf-8",
                                     onboarding_page(id, "Done: payouts are set up."));
             });
}

}  // namespace confer::http
