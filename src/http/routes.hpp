#pragma once
// One function per resource registers its routes; main.cpp calls them all.
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "app/availability_service.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/manage_links.hpp"
#include "app/notification_service.hpp"
#include "app/payments/payment_use_cases.hpp"
#include "app/ports/health.hpp"
#include "app/service_catalog.hpp"
#include "app/specialist_directory.hpp"
#include "app/zoom_accounts.hpp"
#include "app/zoom_webhooks.hpp"
#include "http/idempotency.hpp"
#include "http/router.hpp"

namespace confer::http {

// `database` answers /api/health's readiness (store/health_adapter.hpp).
void register_system_routes(Router& router, std::shared_ptr<app::ports::DatabaseHealth> database);
void register_auth_routes(Router& router, app::AuthService& auth);
void register_account_routes(Router& router, app::AccountService& accounts);
void register_service_routes(Router& router, app::ServiceCatalog& catalog);
void register_booking_routes(Router& router, app::BookingUseCases& bookings,
                             app::PaymentUseCases& payments, IdempotencyKeys& idempotency);
void register_payment_routes(Router& router, app::PaymentUseCases& payments,
                             IdempotencyKeys& idempotency, app::ports::SettledPayments& settled,
                             int platform_fee_bps);
void register_manage_routes(Router& router, app::BookingUseCases& bookings,
                            app::PaymentUseCases& payments, const app::ManageLinks& links,
                            const app::Clock& clock);
void register_notification_routes(Router& router, app::NotificationService& notifications);
void register_payout_routes(Router& router, app::PaymentUseCases& payments,
                            const std::string& provider, const std::string& publishable_key);
// `accounts` is null when Zoom is not set up (the connect routes answer 503).
void register_zoom_routes(Router& router, app::ZoomWebhooks& webhooks, app::ZoomAccounts* accounts,
                          const std::string& app_url);
void register_availability_routes(Router& router, app::AvailabilityService& availability,
                                  const app::Clock& clock);
void register_specialist_routes(Router& router, app::SpecialistDirectory& specialists,
                                app::AvailabilityService& availability,
                                app::ServiceCatalog& catalog);

}  // namespace confer::http
