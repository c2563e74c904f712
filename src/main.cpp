// The binary: `confer serve`, `confer worker`, `confer migrate` and the
// one-shot commands, over the wiring in wiring.hpp.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "app/demo_seed.hpp"
#include "delivery_commands.hpp"
#include "domain/email_address.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"
#include "integrations/http_client.hpp"
#include "jobs/periodic_task.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/password.hpp"
#include "store/scale_seed.hpp"
#include "store/user_repo.hpp"
#include "wiring.hpp"

namespace {

using namespace confer;

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

http::PipelineOptions pipeline_options(const Config& config) {
  http::PipelineOptions options;
  options.allowed_origins = config.allowed_origins;
  options.strict_transport_security = config.api_base_url.starts_with("https://");
  options.trust_proxy = config.trust_proxy;
  options.trusted_proxies = config.trusted_proxies;
  options.web_dir = config.web_dir;
  options.docs_dir = config.docs_dir;
  return options;
}

http::ServerOptions server_options(const Config& config) {
  http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.threads = config.threads;
  options.read_threads = config.read_threads;
  options.write_threads = config.write_threads;
  options.max_waiting = static_cast<std::size_t>(config.max_waiting);
  // Health reads an answer kept in memory (http/system_routes.cpp).
  options.inline_request = [](const http::RawRequest& request) {
    return request.method() == http::beast_http::verb::get && request.target() == "/api/health";
  };
  options.max_body_bytes = config.max_body_bytes;
  options.header_timeout_seconds = config.header_timeout_seconds;
  options.body_timeout_seconds = config.body_timeout_seconds;
  options.drain_seconds = config.drain_seconds;
  return options;
}

int run_server(Config config) {
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

  auto* auth = services.auth.get();
  http::Pipeline pipeline(router, pipeline_options(config),
                          [auth](std::string_view token) -> std::optional<http::Principal> {
                            auto caller = auth->authenticate(token);
                            if (!caller) return std::nullopt;
                            return http::Principal{caller->user_id, caller->role};
                          });

  http::Server server(server_options(config),
                      [&pipeline](const http::RawRequest& request, const std::string& ip) {
                        return pipeline.handle(request, ip);
                      });
  // Unpaid holds are also released whenever bookings are read or made; this
  // sweep frees slots nobody looks at.
  jobs::PeriodicTask hold_sweeper("hold sweep", std::chrono::seconds{30}, [&services] {
    if (int expired = services.bookings->payments.expire_holds(); expired > 0)
      log::info("payment holds expired", {{"bookings", expired}});
  });
  // The marketplace's index of free days follows bookings and rule changes
  // within about a second; until then the slot engine answers for them.
  jobs::PeriodicTask free_day_refresher("free day refresh", std::chrono::seconds{1}, [&services] {
    // Bounded, so that stopping never waits long: the next round goes on.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds{2};
    while (services.free_days->refresh_some(100) == 100 &&
           std::chrono::steady_clock::now() < until) {
    }
  });
  auto workers = start_job_workers(services, config, config.job_workers);
  log::info("listening", {{"url", "http://" + config.host + ":" + std::to_string(server.port())},
                          {"threads", config.threads},
                          {"jobWorkers", config.job_workers}});
  server.run();
  hold_sweeper.stop();
  free_day_refresher.stop();
  for (auto& worker : workers) worker.request_stop();
  workers.clear();
  log::info("stopped");
  return 0;
}

// `confer seed-demo`: demo specialists and a customer.
int seed_demo(Config config) {
  config.load_or_create_secrets();
  Services services;
  wire(services, config);
  const char* password = std::getenv("DEMO_PASSWORD");
  auto seeded =
      app::seed_demo(*services.auth, *services.accounts, *services.availability, *services.services,
                     password && *password ? password : "confer-demo-2026");
  log::info("demo data", {{"created", seeded.created}, {"existing", seeded.existing}});
  return 0;
}

// `confer seed-scale`: a marketplace of the asked size in the configured
// database (every account's password is DEMO_PASSWORD).
int seed_scale(const Config& config, store::ScaleSeedOptions options) {
  app::SystemClock clock;
  auto database = open_and_migrate(config, clock);
  const char* password = std::getenv("DEMO_PASSWORD");
  options.password_hash =
      security::hash_password(password && *password ? password : "confer-demo-2026");
  const auto started = std::chrono::steady_clock::now();
  std::int64_t reported = 0;
  auto result = store::seed_scale(*database, options, clock.now_ms(), [&](std::int64_t written) {
    if (written - reported < 50'000) return;
    reported = written;
    log::info("seeding", {{"bookings", written}});
  });
  store::CatalogStore catalog(*database);
  app::FreeDayIndex(catalog, clock).refresh_all();
  // After a bulk load PostgreSQL's statistics and visibility map lag behind
  // until autovacuum comes by: plans would read dead rows and the heap.
  if (database->dialect() == store::Dialect::postgres)
    database->execute_standalone("VACUUM ANALYZE");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  log::info("scale data", {{"specialists", result.specialists},
                           {"customers", result.customers},
                           {"services", result.services},
                           {"bookings", result.bookings},
                           {"payments", result.payments},
                           {"seconds", seconds.count()}});
  return 0;
}

int make_admin(const Config& config, const std::string& email) {
  app::SystemClock clock;
  auto database = open_and_migrate(config, clock);
  if (!store::grant_admin(*database, domain::normalize_email(email), clock.now_ms())) {
    std::cerr << "confer: no account with the email " << email << '\n';
    return 1;
  }
  log::info("account is now an admin; new access tokens carry the role");
  return 0;
}

// `confer routes`: every API route. The routes do not touch their services
// until called: an in-memory SQLite database is enough to wire them.
int print_routes(Config config) {
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

// The command line: one subcommand, and what each takes.
struct Commands {
  CLI::App cli{"Confer: 1:1 consulting — availability, booking, payments and video."};
  CLI::App* serve = nullptr;
  CLI::App* migrate = nullptr;
  CLI::App* worker = nullptr;
  CLI::App* seed = nullptr;
  CLI::App* scale = nullptr;
  store::ScaleSeedOptions scale_options;
  CLI::App* admin = nullptr;
  CLI::App* routes = nullptr;
  CLI::App* test_email = nullptr;
  CLI::App* test_sms = nullptr;
  std::string admin_email;
  TestEmailOptions email;
  std::string sms_to, sms_body = "Confer test message";

  Commands() {
    cli.require_subcommand(1);
    serve = cli.add_subcommand("serve", "Run the HTTP server (migrates first).");
    migrate = cli.add_subcommand(
        "migrate", "Apply database migrations, bring the marketplace's index up to date, exit.");
    worker = cli.add_subcommand(
        "worker", "Run job workers only (emails, reminders) until SIGTERM; JOB_WORKERS threads.");
    seed = cli.add_subcommand("seed-demo",
                              "Create demo specialists and a customer (password: DEMO_PASSWORD).");
    add_scale_seed();
    admin = cli.add_subcommand(
        "make-admin", "Give an existing account the admin role (roles never come from the API).");
    admin->add_option("email", admin_email, "the account's email")->required();
    routes = cli.add_subcommand("routes", "Print every API route as 'METHOD /path/{param}'.");
    add_delivery_tests();
  }

  void add_scale_seed() {
    scale = cli.add_subcommand(
        "seed-scale", "Fill the database with a large marketplace (for benchmarks; README).");
    scale->add_option("--specialists", scale_options.specialists, "specialists (default 1000)");
    scale->add_option("--customers", scale_options.customers, "customers (default 5000)");
    scale->add_option("--bookings", scale_options.bookings, "bookings in all (default 100000)");
    scale->add_option("--busy", scale_options.busy,
                      "specialists open every day with --busy-bookings each (default 10)");
    scale->add_option("--busy-bookings", scale_options.busy_bookings, "default 5200");
    for (auto* option : scale->get_options())
      if (option->get_name() != "--help") option->check(CLI::NonNegativeNumber);
  }

  // Hidden (no help group): each sends one sample through the configured channel.
  void add_delivery_tests() {
    test_email =
        cli.add_subcommand("send-test-email", "Send a sample email through the configured mailer.");
    test_email->group("");
    test_email->add_option("--to", email.to, "recipient")->required();
    test_email->add_option("--kind", email.kind, test_email_kinds());
    test_email->add_option("--tz", email.time_zone, "the reader's IANA time zone");
    test_email->add_option("--start", email.start, "the session's start (UTC)");
    test_email->add_option("--minutes", email.minutes, "the session's length");
    test_email->add_option("--booking-id", email.booking_id, "the invite's UID base");
    test_email->add_option("--sequence", email.sequence, "the invite's SEQUENCE");
    test_sms =
        cli.add_subcommand("send-test-sms", "Send a sample SMS through the configured sender.");
    test_sms->group("");
    test_sms->add_option("--to", sms_to, "E.164 number")->required();
    test_sms->add_option("--body", sms_body, "text");
  }

  int run(const Config& config) const {
    if (*serve) return run_server(config);
    if (*worker) return run_workers(config);
    if (*migrate) {
      app::SystemClock clock;
      auto database = open_and_migrate(config, clock);
      // Fills the marketplace's index of free days for whatever the database
      // holds (after a bulk import, every specialist), so that a server
      // started next finds it complete instead of catching up.
      store::CatalogStore catalog(*database);
      app::FreeDayIndex(catalog, clock).refresh_all();
      return 0;
    }
    if (*seed) return seed_demo(config);
    if (*scale) return seed_scale(config, scale_options);
    if (*admin) return make_admin(config, admin_email);
    if (*test_email) return send_test_email(config, email);
    if (*test_sms) return send_test_sms(config, sms_to, sms_body);
    if (*routes) return print_routes(config);
    return 0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  Commands commands;
  CLI11_PARSE(commands.cli, argc, argv);
  try {
    security::init_crypto();
    integrations::init_curl();  // before any thread starts
    auto config = Config::from_environment();
    log::setup(config.log_level);
    return commands.run(config);
  } catch (const std::exception& error) {
    std::cerr << "confer: " << error.what() << '\n';
    return 1;
  }
}
