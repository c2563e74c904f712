#pragma once
// The composition root: every adapter and use case the binary runs, built
// from the configuration (wire), the job workers over them, and the routes.
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "app/availability_service.hpp"
#include "app/booking_messenger.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/clock.hpp"
#include "app/free_day_index.hpp"
#include "app/manage_links.hpp"
#include "app/notification_service.hpp"
#include "app/payments/payment_use_cases.hpp"
#include "app/service_catalog.hpp"
#include "app/specialist_directory.hpp"
#include "app/zoom_accounts.hpp"
#include "app/zoom_webhooks.hpp"
#include "config.hpp"
#include "http/idempotency.hpp"
#include "http/router.hpp"
#include "integrations/video/jitsi.hpp"
#include "integrations/video/zoom.hpp"
#include "security/secretbox.hpp"
#include "store/account_adapters.hpp"
#include "store/booking_transaction.hpp"
#include "store/catalog_store.hpp"
#include "store/database.hpp"
#include "store/settled_payments_repo.hpp"
#include "store/zoom_token_repo.hpp"

namespace confer {

struct Services {
  app::SystemClock clock;
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::CatalogStore> catalog_store;
  std::unique_ptr<app::Mailer> mailer;
  std::unique_ptr<app::SmsSender> sms;  // reminders by text, to customers who opted in
  std::unique_ptr<store::AccountStore> account_store;  // the account use cases' ports
  std::unique_ptr<app::AuthService> auth;
  std::unique_ptr<app::AccountService> accounts;
  std::unique_ptr<app::ServiceCatalog> services;
  std::unique_ptr<app::AvailabilityService> availability;
  std::unique_ptr<app::VideoProvider> video;
  std::unique_ptr<store::StoreUnitOfWork> unit_of_work;  // the booking ports over the database
  std::unique_ptr<app::BookingUseCases> bookings;
  std::unique_ptr<http::IdempotencyKeys> idempotency;
  std::unique_ptr<app::PaymentGateway> gateway;
  std::unique_ptr<app::PaymentUseCases> payments;
  std::unique_ptr<app::ManageLinks> manage_links;
  std::unique_ptr<app::BookingMessenger> messenger;
  std::unique_ptr<app::NotificationService> notifications;
  std::unique_ptr<integrations::ZoomMeetings> zoom;  // when Zoom is configured
  std::unique_ptr<security::SecretBox> secret_box;
  std::unique_ptr<store::ZoomTokenRepo> zoom_tokens;
  std::unique_ptr<app::SpecialistDirectory> specialists;         // the marketplace
  std::unique_ptr<app::FreeDayIndex> free_days;                  // its "free on" index
  std::unique_ptr<store::SettledPaymentsRepo> settled_payments;  // earnings reports
  std::unique_ptr<app::ZoomAccounts> zoom_accounts;              // when Zoom is configured
  integrations::JitsiMeetings jitsi;                             // the fallback
  std::unique_ptr<app::ZoomWebhooks> zoom_webhooks;
  int platform_fee_bps = 2000;
  std::string stripe_publishable_key;
  std::string config_app_url;
};

// The URL people open the app at (links in emails, Connect's return).
std::string app_url(const Config& config);
// Opens the configured database and applies its migrations.
std::unique_ptr<store::Database> open_and_migrate(const Config& config, const app::Clock& clock);
void wire(Services& services, const Config& config);
// `count` job workers on their own threads until each is asked to stop;
// several processes may run them over one database.
std::vector<std::jthread> start_job_workers(Services& services, const Config& config, int count);
void register_routes(http::Router& router, Services& services);

}  // namespace confer
