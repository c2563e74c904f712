// The composition root's wiring: builds every adapter from the
// configuration and hands them to the use cases; `confer serve`, `confer
// worker` and the one-shot commands all start from it.
#include "wiring.hpp"

#include <unistd.h>

#include "app/booking_events.hpp"
#include "domain/email_address.hpp"
#include "http/routes.hpp"
#include "integrations/delivery.hpp"
#include "integrations/email/mime.hpp"
#include "integrations/sandbox_payments.hpp"
#include "integrations/stripe/stripe_payments.hpp"
#include "integrations/video/zoom_events.hpp"
#include "jobs/worker.hpp"
#include "log.hpp"
#include "store/health_adapter.hpp"
#include "store/idempotency_adapter.hpp"
#include "store/job_queue_adapter.hpp"
#include "store/migrations.hpp"

namespace confer {
namespace {

// Zoom as the booking service's video provider: owned by Services.zoom.
class ZoomVideo final : public app::VideoProvider {
 public:
  explicit ZoomVideo(integrations::ZoomMeetings& zoom) : zoom_(zoom) {}
  app::Meeting create_meeting(const std::string& booking_id) override {
    return zoom_.create_meeting(booking_id);
  }

 private:
  integrations::ZoomMeetings& zoom_;
};

// Where the API is reached from outside, for URLs that point at it (feeds).
std::string api_url(const Config& config) {
  if (!config.api_base_url.empty()) return config.api_base_url;
  return "http://localhost:" + std::to_string(config.port);
}

// Mail, SMS and the account use cases.
void wire_accounts(Services& services, const Config& config) {
  services.mailer = integrations::make_mailer(config.delivery(), services.clock);
  services.sms = integrations::make_sms_sender(config.delivery(), services.clock);
  app::AuthSettings auth_settings;
  auth_settings.jwt.secret = config.jwt_secret;
  auth_settings.access_token_seconds = config.access_token_seconds;
  auth_settings.refresh_token_days = config.refresh_token_days;
  auth_settings.max_failures_per_account = config.login_max_failures_per_account;
  auth_settings.max_failures_per_ip = config.login_max_failures_per_ip;
  auth_settings.failure_window_minutes = config.login_failure_window_minutes;
  auth_settings.max_signups_per_ip_per_hour = config.signup_max_per_ip_per_hour;
  auth_settings.max_resets_per_account_per_hour = config.reset_max_per_account_per_hour;
  auth_settings.app_url = app_url(config);
  services.account_store = std::make_unique<store::AccountStore>(*services.database);
  services.auth = std::make_unique<app::AuthService>(*services.account_store, services.clock,
                                                     *services.mailer, auth_settings);
  services.accounts =
      std::make_unique<app::AccountService>(*services.account_store, services.clock);
}

// Services, availability, the marketplace and earnings.
void wire_catalog(Services& services, const Config& config) {
  services.catalog_store = std::make_unique<store::CatalogStore>(*services.database);
  services.services = std::make_unique<app::ServiceCatalog>(*services.catalog_store, services.clock,
                                                            config.services_max_per_specialist);
  services.availability =
      std::make_unique<app::AvailabilityService>(*services.catalog_store, services.clock);
  services.specialists = std::make_unique<app::SpecialistDirectory>(
      *services.catalog_store, *services.availability, services.clock);
  services.free_days = std::make_unique<app::FreeDayIndex>(*services.catalog_store, services.clock);
  services.settled_payments = std::make_unique<store::SettledPaymentsRepo>(*services.database);
}

// Zoom when it is configured (with specialists' own accounts), else Jitsi.
void wire_video(Services& services, const Config& config) {
  services.secret_box = std::make_unique<security::SecretBox>(config.encryption_key);
  if (!config.zoom_client_id.empty() && !config.zoom_client_secret.empty()) {
    services.zoom = std::make_unique<integrations::ZoomMeetings>(
        integrations::ZoomSettings{config.zoom_account_id, config.zoom_client_id,
                                   config.zoom_client_secret, config.zoom_oauth_base,
                                   config.zoom_api_base, config.zoom_redirect_uri},
        services.clock);
    services.video = std::make_unique<ZoomVideo>(*services.zoom);
    services.zoom_tokens = std::make_unique<store::ZoomTokenRepo>(*services.database);
    services.zoom_accounts = std::make_unique<app::ZoomAccounts>(
        *services.zoom_tokens, services.clock, *services.zoom, *services.secret_box,
        app::ZoomAccountSettings{config.zoom_client_id, config.zoom_redirect_uri,
                                 config.zoom_oauth_base, config.jwt_secret});
    services.zoom->set_user_tokens(
        [accounts = services.zoom_accounts.get()](const std::string& user) {
          return accounts->access_token(user);
        });
  } else {
    services.video = std::make_unique<integrations::JitsiMeetings>();
  }
  log::info("video", {{"provider", services.zoom ? "zoom" : "jitsi"}});
}

// The booking and payment use cases over one unit of work.
void wire_bookings_and_payments(Services& services, const Config& config) {
  services.unit_of_work = std::make_unique<store::StoreUnitOfWork>(*services.database);
  services.bookings = std::make_unique<app::BookingUseCases>(
      *services.unit_of_work, services.clock, *services.video,
      app::BookingSettings{config.hold_minutes, config.refund_retry_seconds,
                           config.holds_max_per_customer, config.holds_max_per_specialist});
  services.idempotency = std::make_unique<http::IdempotencyKeys>(
      std::make_unique<store::IdempotencyAdapter>(*services.database), services.clock);
  if (config.stripe_secret_key.empty()) {
    services.gateway = std::make_unique<integrations::SandboxPayments>(api_url(config));
  } else {
    integrations::StripeClientSettings stripe;
    stripe.secret_key = config.stripe_secret_key;
    stripe.api_base = config.stripe_api_base;
    services.gateway = std::make_unique<integrations::StripePayments>(stripe);
  }
  log::info("payments", {{"provider", services.gateway->name()}});
  services.platform_fee_bps = config.platform_fee_bps;
  services.stripe_publishable_key = config.stripe_publishable_key;
  services.config_app_url = app_url(config);
  services.payments = std::make_unique<app::PaymentUseCases>(
      *services.unit_of_work, services.clock, *services.gateway, services.bookings->payments,
      app::PaymentSettings{config.platform_fee_bps, config.stripe_webhook_secret, app_url(config),
                           config.refund_retry_seconds});
}

// Manage links, notifications, the messenger and the Zoom webhooks.
void wire_messaging(Services& services, const Config& config) {
  services.manage_links = std::make_unique<app::ManageLinks>(config.jwt_secret, app_url(config));
  // Invites and feeds name the platform's own address as their organizer.
  const auto organizer = integrations::parse_mailbox(config.mail_from).address;
  services.notifications = std::make_unique<app::NotificationService>(
      *services.unit_of_work, services.clock, api_url(config), organizer);
  services.messenger = std::make_unique<app::BookingMessenger>(
      *services.unit_of_work, services.clock, *services.mailer, *services.sms,
      *services.manage_links, services.zoom.get(), &services.jitsi, organizer);
  services.zoom_webhooks = std::make_unique<app::ZoomWebhooks>(
      *services.unit_of_work, services.clock, config.zoom_webhook_secret,
      integrations::parse_zoom_event);
}

}  // namespace

std::string app_url(const Config& config) {
  if (!config.frontend_url.empty()) return config.frontend_url;
  if (!config.api_base_url.empty()) return config.api_base_url;
  return "http://localhost:" + std::to_string(config.port);
}

std::unique_ptr<store::Database> open_and_migrate(const Config& config, const app::Clock& clock) {
  auto database = store::open_database(config.database_url, config.database_pool_size);
  auto applied = store::migrate(*database, clock.now_ms());
  boost::json::array versions;
  for (int version : applied) versions.push_back(version);
  log::info("database ready",
            {{"database", database->describe()}, {"migrationsApplied", versions}});
  return database;
}

void wire(Services& services, const Config& config) {
  services.database = open_and_migrate(config, services.clock);
  wire_accounts(services, config);
  wire_catalog(services, config);
  wire_video(services, config);
  wire_bookings_and_payments(services, config);
  wire_messaging(services, config);
}

// Job workers on their own threads until `stop`; several processes may run
// them over one database.
std::vector<std::jthread> start_job_workers(Services& services, const Config& config, int count) {
  std::vector<std::jthread> threads;
  for (int i = 0; i < count; ++i) {
    auto name = "pid" + std::to_string(::getpid()) + "-" + std::to_string(i);
    threads.emplace_back([&services, &config, name](std::stop_token stop) {
      jobs::WorkerSettings settings;
      settings.idle_poll_ms = config.job_poll_ms;
      settings.batch_size = config.job_batch;
      settings.concurrency = config.job_concurrency;
      store::JobQueueAdapter queue(*services.database);
      jobs::Worker worker(queue, services.clock, name, settings);
      for (auto& [kind, handler] : services.messenger->handlers()) worker.on(kind, handler);
      // A refund job asks the provider again (the same idempotency key, so
      // never twice); a failure is retried by the worker with back-off.
      worker.on(app::job_kind::refund, [&services](const app::JobRecord& job) {
        if (job.booking_id) services.payments->refunds.settle(*job.booking_id);
      });
      worker.run(stop);
    });
  }
  return threads;
}

void register_routes(http::Router& router, Services& services) {
  http::register_system_routes(router,
                               std::make_shared<store::DatabaseHealthAdapter>(*services.database));
  http::register_auth_routes(router, *services.auth);
  http::register_account_routes(router, *services.accounts);
  http::register_service_routes(router, *services.services);
  http::register_availability_routes(router, *services.availability, services.clock);
  http::register_booking_routes(router, *services.bookings, *services.payments,
                                *services.idempotency);
  http::register_payment_routes(router, *services.payments, *services.idempotency,
                                *services.settled_payments, services.platform_fee_bps);
  http::register_specialist_routes(router, *services.specialists, *services.availability,
                                   *services.services);
  http::register_notification_routes(router, *services.notifications);
  http::register_zoom_routes(router, *services.zoom_webhooks, services.zoom_accounts.get(),
                             services.config_app_url);
  http::register_payout_routes(router, *services.payments, services.gateway->name(),
                               services.stripe_publishable_key);
  http::register_manage_routes(router, *services.bookings, *services.payments,
                               *services.manage_links, services.clock);
}

}  // namespace confer
