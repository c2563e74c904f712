// The composition root: reads the configuration, opens the database, wires
// the use cases to their ports and the HTTP routes, and runs a subcommand.
#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "app/availability_service.hpp"
#include "app/booking_events.hpp"
#include "app/booking_messenger.hpp"
#include "app/booking_service.hpp"
#include "app/clock.hpp"
#include "app/demo_seed.hpp"
#include "app/manage_links.hpp"
#include "app/notification_service.hpp"
#include "app/payment_service.hpp"
#include "app/service_catalog.hpp"
#include "app/zoom_webhooks.hpp"
#include "config.hpp"
#include "delivery_commands.hpp"
#include "domain/email_address.hpp"
#include "http/idempotency.hpp"
#include "http/pipeline.hpp"
#include "http/routes.hpp"
#include "http/server.hpp"
#include "integrations/delivery.hpp"
#include "integrations/email/mime.hpp"
#include "integrations/http_client.hpp"
#include "integrations/sandbox_payments.hpp"
#include "integrations/stripe/stripe_payments.hpp"
#include "integrations/video/jitsi.hpp"
#include "integrations/video/zoom.hpp"
#include "integrations/video/zoom_events.hpp"
#include "jobs/worker.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/secretbox.hpp"
#include "store/catalog_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/zoom_token_repo.hpp"

namespace {

using namespace confer;

struct Services {
  app::SystemClock clock;
  std::unique_ptr<store::Database> database;
  std::unique_ptr<store::CatalogStore> catalog_store;
  std::unique_ptr<app::Mailer> mailer;
  std::unique_ptr<app::SmsSender> sms;  // reminders by text, to customers who opted in
  std::unique_ptr<app::AuthService> auth;
  std::unique_ptr<app::AccountService> accounts;
  std::unique_ptr<app::ServiceCatalog> services;
  std::unique_ptr<app::AvailabilityService> availability;
  std::unique_ptr<app::VideoProvider> video;
  std::unique_ptr<app::BookingService> bookings;
  std::unique_ptr<http::IdempotencyKeys> idempotency;
  std::unique_ptr<app::PaymentGateway> gateway;
  std::unique_ptr<app::PaymentService> payments;
  std::unique_ptr<app::ManageLinks> manage_links;
  std::unique_ptr<app::BookingMessenger> messenger;
  std::unique_ptr<app::NotificationService> notifications;
  std::unique_ptr<integrations::ZoomMeetings> zoom;  // when Zoom is configured
  std::unique_ptr<security::SecretBox> secret_box;
  std::unique_ptr<store::ZoomTokenRepo> zoom_tokens;
  std::unique_ptr<app::ZoomAccounts> zoom_accounts;  // when Zoom is configured
  integrations::JitsiMeetings jitsi;                 // the fallback
  std::unique_ptr<app::ZoomWebhooks> zoom_webhooks;
  int platform_fee_bps = 2000;
  std::string stripe_publishable_key;
  std::string config_app_url;
};

std::string app_url(const Config& config) {
  if (!config.frontend_url.empty()) return config.frontend_url;
  if (!config.api_base_url.empty()) return config.api_base_url;
  return "http://localhost:" + std::to_string(config.port);
}

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
  services.mailer = integrations::make_mailer(config, services.clock);
  services.sms = integrations::make_sms_sender(config, services.clock);
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
  services.auth = std::make_unique<app::AuthService>(*services.database, services.clock,
                                                     *services.mailer, auth_settings);
  services.accounts = std::make_unique<app::AccountService>(*services.database, services.clock);
  services.catalog_store = std::make_unique<store::CatalogStore>(*services.database);
  services.services = std::make_unique<app::ServiceCatalog>(*services.catalog_store, services.clock,
                                                            config.services_max_per_specialist);
  services.availability =
      std::make_unique<app::AvailabilityService>(*services.catalog_store, services.clock);
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
  services.bookings = std::make_unique<app::BookingService>(
      *services.database, services.clock, *services.availability, *services.video,
      app::BookingSettings{config.hold_minutes, config.refund_retry_seconds,
                           config.holds_max_per_customer, config.holds_max_per_specialist});
  services.idempotency =
      std::make_unique<http::IdempotencyKeys>(*services.database, services.clock);
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
  services.payments = std::make_unique<app::PaymentService>(
      *services.database, services.clock, *services.gateway, *services.bookings,
      app::PaymentSettings{config.platform_fee_bps, config.stripe_webhook_secret, app_url(config),
                           config.refund_retry_seconds});
  services.manage_links = std::make_unique<app::ManageLinks>(config.jwt_secret, app_url(config));
  // Invites and feeds name the platform's own address as their organizer.
  const auto organizer = integrations::parse_mailbox(config.mail_from).address;
  services.notifications = std::make_unique<app::NotificationService>(
      *services.database, services.clock, api_url(config), organizer);
  services.messenger = std::make_unique<app::BookingMessenger>(
      *services.database, services.clock, *services.mailer, *services.sms, *services.manage_links,
      services.zoom.get(), &services.jitsi, organizer);
  services.zoom_webhooks = std::make_unique<app::ZoomWebhooks>(
      *services.database, services.clock, *services.bookings, config.zoom_webhook_secret,
      integrations::parse_zoom_event);
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
      jobs::Worker worker(*services.database, services.clock, name, settings);
      services.messenger->register_with(worker);
      // A refund job asks the provider again (the same idempotency key, so
      // never twice); a failure is retried by the worker with back-off.
      worker.on(app::job_kind::refund, [&services](const store::JobRecord& job) {
        if (job.booking_id) services.payments->settle_refund(*job.booking_id);
      });
      worker.run(stop);
    });
  }
  return threads;
}

// `confer worker`: job workers only, until SIGTERM or SIGINT.
int run_workers(Config config) {
  config.load_or_create_secrets();
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by the worker threads
  Services services;
  wire(services, config);
  auto workers = start_job_workers(services, config, std::max(1, config.job_workers));
  log::info("workers running", {{"workers", static_cast<int>(workers.size())}});
  int signal = 0;
  sigwait(&signals, &signal);
  log::info("workers stopping", {{"signal", signal}});
  for (auto& worker : workers) worker.request_stop();
  workers.clear();
  log::info("stopped");
  return 0;
}

void register_routes(http::Router& router, Services& services) {
  http::register_system_routes(router, *services.database);
  http::register_auth_routes(router, *services.auth);
  http::register_account_routes(router, *services.accounts);
  http::register_service_routes(router, *services.services);
  http::register_availability_routes(router, *services.availability, services.clock);
  http::register_booking_routes(router, *services.bookings, *services.payments,
                                *services.idempotency);
  http::register_payment_routes(router, *services.payments, *services.idempotency,
                                *services.database, services.platform_fee_bps);
  http::register_specialist_routes(router, *services.database, *services.availability,
                                   *services.services);
  http::register_notification_routes(router, *services.notifications);
  http::register_zoom_routes(router, *services.zoom_webhooks, services.zoom_accounts.get(),
                             services.config_app_url);
  http::register_payout_routes(router, *services.payments, services.gateway->name(),
                               services.stripe_publishable_key);
  http::register_manage_routes(router, *services.bookings, *services.payments,
                               *services.manage_links, services.clock);
}

int serve(Config config) {
  // Slot lists make response bodies of ~100 KB. Without these, glibc hands
  // such blocks back to the kernel on every free and faults them in again on
  // the next request (madvise/brk showed up at the top of the profile).
  mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  config.load_or_create_secrets();
  Services services;
  wire(services, config);
  http::Router router;
  register_routes(router, services);

  http::PipelineOptions pipeline_options;
  pipeline_options.allowed_origins = config.allowed_origins;
  pipeline_options.strict_transport_security = config.api_base_url.starts_with("https://");
  pipeline_options.trust_proxy = config.trust_proxy;
  pipeline_options.trusted_proxies = config.trusted_proxies;
  pipeline_options.web_dir = config.web_dir;
  pipeline_options.docs_dir = config.docs_dir;
  auto* auth = services.auth.get();
  http::Pipeline pipeline(router, pipeline_options,
                          [auth](std::string_view token) -> std::optional<http::Principal> {
                            auto caller = auth->authenticate(token);
                            if (!caller) return std::nullopt;
                            return http::Principal{caller->user_id, caller->role};
                          });

  http::ServerOptions server_options;
  server_options.host = config.host;
  server_options.port = config.port;
  server_options.threads = config.threads;
  server_options.write_threads = config.write_threads;
  server_options.max_body_bytes = config.max_body_bytes;
  server_options.header_timeout_seconds = config.header_timeout_seconds;
  server_options.body_timeout_seconds = config.body_timeout_seconds;
  server_options.drain_seconds = config.drain_seconds;
  http::Server server(server_options,
                      [&pipeline](const http::RawRequest& request, const std::string& ip) {
                        return pipeline.handle(request, ip);
                      });
  // Unpaid holds are also released whenever bookings are read or made; this
  // sweep frees slots nobody looks at.
  std::atomic<bool> stopping{false};
  std::thread hold_sweeper([&] {
    while (!stopping) {
      for (int i = 0; i < 300 && !stopping; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      try {
        if (int expired = services.bookings->expire_holds(); expired > 0)
          log::info("payment holds expired", {{"bookings", expired}});
      } catch (const std::exception& error) {
        log::warn("hold sweep failed", {{"error", error.what()}});
      }
    }
  });
  auto workers = start_job_workers(services, config, config.job_workers);
  log::info("listening", {{"url", "http://" + config.host + ":" + std::to_string(server.port())},
                          {"threads", config.threads},
                          {"jobWorkers", config.job_workers}});
  server.run();
  stopping = true;
  hold_sweeper.join();
  for (auto& worker : workers) worker.request_stop();
  workers.clear();
  log::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Confer: 1:1 consulting — availability, booking, payments and video."};
  cli.require_subcommand(1);
  auto* serve_command = cli.add_subcommand("serve", "Run the HTTP server (migrates first).");
  auto* migrate_command = cli.add_subcommand("migrate", "Apply database migrations and exit.");
  auto* worker_command = cli.add_subcommand(
      "worker", "Run job workers only (emails, reminders) until SIGTERM; JOB_WORKERS threads.");
  auto* seed_command = cli.add_subcommand(
      "seed-demo", "Create demo specialists and a customer (password: DEMO_PASSWORD).");
  std::string admin_email;
  auto* admin_command = cli.add_subcommand(
      "make-admin", "Give an existing account the admin role (roles never come from the API).");
  admin_command->add_option("email", admin_email, "the account's email")->required();
  auto* routes_command =
      cli.add_subcommand("routes", "Print every API route as 'METHOD /path/{param}'.");
  // Hidden (no help group): they send one sample message through the configured channel.
  TestEmailOptions test_email;
  auto* test_email_command =
      cli.add_subcommand("send-test-email", "Send a sample email through the configured mailer.");
  test_email_command->group("");
  test_email_command->add_option("--to", test_email.to, "recipient")->required();
  test_email_command->add_option("--kind", test_email.kind, test_email_kinds());
  test_email_command->add_option("--tz", test_email.time_zone, "the reader's IANA time zone");
  test_email_command->add_option("--start", test_email.start, "the session's start (UTC)");
  test_email_command->add_option("--minutes", test_email.minutes, "the session's length");
  test_email_command->add_option("--booking-id", test_email.booking_id, "the invite's UID base");
  test_email_command->add_option("--sequence", test_email.sequence, "the invite's SEQUENCE");
  std::string sms_to, sms_body = "Confer test message";
  auto* test_sms_command =
      cli.add_subcommand("send-test-sms", "Send a sample SMS through the configured sender.");
  test_sms_command->group("");
  test_sms_command->add_option("--to", sms_to, "E.164 number")->required();
  test_sms_command->add_option("--body", sms_body, "text");
  CLI11_PARSE(cli, argc, argv);

  try {
    security::init_crypto();
    integrations::init_curl();  // before any thread starts
    auto config = Config::from_environment();
    log::setup(config.log_level);
    if (*serve_command) return serve(config);
    if (*worker_command) return run_workers(config);
    if (*migrate_command) {
      app::SystemClock clock;
      open_and_migrate(config, clock);
      return 0;
    }
    if (*seed_command) {
      config.load_or_create_secrets();
      Services services;
      wire(services, config);
      const char* password = std::getenv("DEMO_PASSWORD");
      auto seeded =
          app::seed_demo(*services.auth, *services.accounts, *services.availability,
                         *services.services, password && *password ? password : "confer-demo-2026");
      log::info("demo data", {{"created", seeded.created}, {"existing", seeded.existing}});
      return 0;
    }
    if (*admin_command) {
      app::SystemClock clock;
      auto database = open_and_migrate(config, clock);
      std::int64_t changed = 0;
      database->transaction(store::TxMode::write, [&](store::Session& session) {
        changed =
            session.execute("UPDATE users SET role = 'admin', updated_at = $2 WHERE email = $1",
                            {domain::normalize_email(admin_email), clock.now_ms()});
      });
      if (changed == 0) {
        std::cerr << "confer: no account with the email " << admin_email << '\n';
        return 1;
      }
      log::info("account is now an admin; new access tokens carry the role");
      return 0;
    }
    if (*test_email_command) return send_test_email(config, test_email);
    if (*test_sms_command) return send_test_sms(config, sms_to, sms_body);
    if (*routes_command) {
      // The routes do not touch their services until called: an in-memory
      // SQLite database is enough to wire them.
      config.database_url = "sqlite::memory:";
      config.data_dir = std::filesystem::temp_directory_path().string();
      config.jwt_secret = std::string(48, 'x');
      config.encryption_key = std::string(48, 'x');
      Services services;
      wire(services, config);
      http::Router router;
      register_routes(router, services);
      for (const auto& line : router.describe()) std::cout << line << '\n';
      return 0;
    }
  } catch (const std::exception& error) {
    std::cerr << "confer: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
