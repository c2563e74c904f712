#include "config.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "log.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer {
namespace {

std::string env(const char* name, const std::string& fallback = {}) {
  const char* value = std::getenv(name);
  return (value && *value) ? std::string(value) : fallback;
}

std::int64_t env_int(const char* name, std::int64_t fallback, std::int64_t min, std::int64_t max) {
  auto text = env(name);
  if (text.empty()) return fallback;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max)
    throw std::runtime_error(std::string(name) + " must be a whole number from " +
                             std::to_string(min) + " to " + std::to_string(max) + ", not '" + text +
                             "'");
  return value;
}

// "15m", "900s", "900" (seconds), "1h", "7d".
std::int64_t parse_duration_seconds(const std::string& text) {
  if (text.empty()) throw std::runtime_error("empty duration");
  char unit = text.back();
  std::string digits =
      std::isdigit(static_cast<unsigned char>(unit)) ? text : text.substr(0, text.size() - 1);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size() || value <= 0)
    throw std::runtime_error("JWT_EXPIRES_IN must look like 15m, 900s, 1h or 7d");
  switch (unit) {
    case 's':
      return value;
    case 'm':
      return value * 60;
    case 'h':
      return value * 3600;
    case 'd':
      return value * 86400;
    default:
      if (std::isdigit(static_cast<unsigned char>(unit))) return value;
      throw std::runtime_error("JWT_EXPIRES_IN must look like 15m, 900s, 1h or 7d");
  }
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    auto first = item.find_first_not_of(' ');
    auto last = item.find_last_not_of(' ');
    if (first == std::string::npos) continue;
    item = item.substr(first, last - first + 1);
    while (item.ends_with('/')) item.pop_back();
    items.push_back(item);
  }
  return items;
}

// Where to listen, the database, and the threads that serve it.
void read_server(Config& config) {
  config.host = env("HOST", config.host);
  config.port = static_cast<unsigned short>(env_int("PORT", 8080, 0, 65535));
  config.data_dir = env("DATA_DIR", config.data_dir);
  config.database_url = env("DATABASE_URL");
  if (config.database_url.empty())
    config.database_url =
        "sqlite:" + (std::filesystem::path(config.data_dir) / "confer.db").string();
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Connection threads only read, parse and write; handlers (and with them
  // every database call) run on READ_THREADS and WRITE_THREADS.
  // SQLite reads are CPU in this process: more threads than cores only take
  // turns (slots: 20k req/s with 2 here, 17.8k with 4); PostgreSQL handlers
  // mostly wait on the socket.
  const bool on_sqlite = config.database_url.starts_with("sqlite:");
  config.threads = static_cast<int>(env_int("THREADS", std::max(2, cores), 1, 256));
  config.read_threads = static_cast<int>(
      env_int("READ_THREADS", on_sqlite ? std::max(2, cores) : std::max(4, 2 * cores), 1, 256));
  config.max_waiting = static_cast<int>(env_int("MAX_WAITING_REQUESTS", 512, 1, 1'000'000));
  // SQLite commits the writes that wait together in one go, so the more wait,
  // the cheaper each; PostgreSQL gives each its own backend, and more of them
  // than there are cores only compete (the booking benchmark: SQLite +10%
  // with 16, PostgreSQL -20%).
  config.write_threads = static_cast<int>(env_int("WRITE_THREADS", on_sqlite ? 16 : 0, 0, 256));
  config.database_pool_size = static_cast<int>(
      env_int("DATABASE_POOL_SIZE", config.read_threads + config.write_threads + 2, 1, 512));
}

// Logging, tokens, allowed origins and proxies.
void read_access(Config& config) {
  config.log_level = env("LOG_LEVEL", config.log_level);
  config.jwt_secret = env("JWT_SECRET");
  if (auto expires = env("JWT_EXPIRES_IN"); !expires.empty()) {
    // Access tokens live 10–15 minutes; longer sessions come from refresh tokens.
    auto seconds = parse_duration_seconds(expires);
    config.access_token_seconds = std::clamp<std::int64_t>(seconds, 600, 900);
  }
  config.refresh_token_days = env_int("REFRESH_TOKEN_DAYS", 30, 1, 365);
  config.allowed_origins = split_list(env("FRONTEND_URL"));
  config.frontend_url = config.allowed_origins.empty() ? "" : config.allowed_origins.front();
  config.api_base_url = env("API_BASE_URL");
  while (config.api_base_url.ends_with('/')) config.api_base_url.pop_back();
  config.trust_proxy = env("TRUST_PROXY") == "1" || env("TRUST_PROXY") == "true";
  if (auto proxies = env("TRUSTED_PROXIES"); !proxies.empty()) {
    try {
      config.trusted_proxies = http::TrustedProxies::parse(proxies);
    } catch (const std::invalid_argument& error) {
      throw std::runtime_error(
          "TRUSTED_PROXIES must be a comma-separated list of IPv4 and IPv6 addresses and CIDR "
          "networks: " +
          std::string(error.what()));
    }
    if (config.trusted_proxies.empty())
      throw std::runtime_error("TRUSTED_PROXIES lists no address or network");
  }
}

// Request limits, mail sender, static files.
void read_request_limits(Config& config) {
  config.max_body_bytes = static_cast<std::size_t>(
      env_int("MAX_BODY_BYTES", std::int64_t{1024} * 1024, 1024, 64LL * 1024 * 1024));
  config.header_timeout_seconds = static_cast<int>(env_int("HEADER_TIMEOUT_SECONDS", 10, 1, 300));
  config.body_timeout_seconds = static_cast<int>(env_int("BODY_TIMEOUT_SECONDS", 30, 1, 600));
  config.drain_seconds = static_cast<int>(env_int("DRAIN_SECONDS", 10, 0, 300));
  config.mail_from = env("MAIL_FROM", env("SENDGRID_FROM_EMAIL", config.mail_from));
  config.web_dir = env("WEB_DIR", config.web_dir);
  config.docs_dir = env("DOCS_DIR", config.docs_dir);
}

// Payments, video, jobs, mail and SMS providers.
void read_providers(Config& config) {
  config.platform_fee_bps = static_cast<int>(env_int("PLATFORM_FEE_BPS", 2000, 0, 10000));
  config.stripe_secret_key = env("STRIPE_SECRET_KEY");
  config.stripe_publishable_key = env("STRIPE_PUBLISHABLE_KEY");
  if (auto base = env("STRIPE_API_BASE"); !base.empty()) config.stripe_api_base = base;
  config.stripe_webhook_secret = env("STRIPE_WEBHOOK_SECRET");
  config.hold_minutes = static_cast<int>(env_int("HOLD_MINUTES", 15, 1, 1440));
  config.refund_retry_seconds = static_cast<int>(env_int("REFUND_RETRY_SECONDS", 60, 1, 86'400));
  config.zoom_account_id = env("ZOOM_ACCOUNT_ID");
  config.zoom_client_id = env("ZOOM_CLIENT_ID");
  config.zoom_client_secret = env("ZOOM_CLIENT_SECRET");
  config.zoom_webhook_secret = env("ZOOM_WEBHOOK_SECRET_TOKEN");
  config.zoom_redirect_uri = env("ZOOM_REDIRECT_URI");
  config.encryption_key = env("CONFER_ENCRYPTION_KEY");
  config.zoom_oauth_base = env("ZOOM_OAUTH_BASE", config.zoom_oauth_base);
  config.zoom_api_base = env("ZOOM_API_BASE", config.zoom_api_base);
  config.job_workers = static_cast<int>(env_int("JOB_WORKERS", 1, 0, 64));
  config.job_poll_ms = static_cast<int>(env_int("JOB_POLL_MS", 1000, 10, 60'000));
  config.job_batch = static_cast<int>(env_int("JOB_BATCH", 32, 1, 1000));
  config.job_concurrency = static_cast<int>(env_int("JOB_CONCURRENCY", 4, 1, 64));
  config.smtp_url = env("SMTP_URL");
  config.sendgrid_api_key = env("SENDGRID_API_KEY");
  config.sendgrid_api_base = env("SENDGRID_API_BASE", config.sendgrid_api_base);
  config.twilio_account_sid = env("TWILIO_ACCOUNT_SID");
  config.twilio_auth_token = env("TWILIO_AUTH_TOKEN");
  config.twilio_from = env("TWILIO_FROM");
  config.twilio_api_base = env("TWILIO_API_BASE", config.twilio_api_base);
}

// The limits that keep one user from hurting the others.
void read_abuse_limits(Config& config) {
  config.holds_max_per_customer = static_cast<int>(env_int("HOLDS_MAX_PER_CUSTOMER", 3, 0, 1000));
  config.holds_max_per_specialist =
      static_cast<int>(env_int("HOLDS_MAX_PER_CUSTOMER_PER_SPECIALIST", 2, 0, 1000));
  config.services_max_per_specialist =
      static_cast<int>(env_int("SERVICES_MAX_PER_SPECIALIST", 50, 1, 1000));
  config.login_max_failures_per_account =
      static_cast<int>(env_int("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1000));
  config.login_max_failures_per_ip =
      static_cast<int>(env_int("LOGIN_MAX_FAILURES_PER_IP", 20, 1, 100000));
  config.login_failure_window_minutes =
      static_cast<int>(env_int("LOGIN_FAILURE_WINDOW_MINUTES", 15, 1, 1440));
  config.signup_max_per_ip_per_hour =
      static_cast<int>(env_int("SIGNUP_MAX_PER_IP_PER_HOUR", 20, 0, 100'000));
  config.reset_max_per_account_per_hour =
      static_cast<int>(env_int("RESET_MAX_PER_ACCOUNT_PER_HOUR", 5, 0, 1000));
}

}  // namespace

Config Config::from_environment() {
  Config config;
  read_server(config);
  read_access(config);
  read_request_limits(config);
  read_providers(config);
  read_abuse_limits(config);
  return config;
}

std::string load_or_create_secret_file(const std::string& data_dir, const std::string& name) {
  std::filesystem::create_directories(data_dir);
  auto path = std::filesystem::path(data_dir) / name;
  auto fresh = security::base64url_encode(security::random_bytes(48));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0) {
    bool ok = ::write(fd, fresh.data(), fresh.size()) == static_cast<ssize_t>(fresh.size());
    ::fsync(fd);
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write " + path.string());
    return fresh;
  }
  if (errno != EEXIST) throw std::runtime_error("cannot create " + path.string());
  // Another process created it: wait for its contents.
  for (int attempt = 0; attempt < 50; ++attempt) {
    std::ifstream in(path);
    std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (secret.size() >= 32) return secret;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error(path.string() + " holds no usable secret; delete it to start afresh");
}

void Config::load_or_create_secrets() {
  if (stripe_webhook_secret.empty())
    stripe_webhook_secret =
        "whsec_" + load_or_create_secret_file(data_dir, "stripe_webhook_secret");
  if (encryption_key.empty())
    encryption_key = load_or_create_secret_file(data_dir, "encryption_key");
  if (encryption_key.size() < 32)
    throw std::runtime_error("CONFER_ENCRYPTION_KEY must be at least 32 characters");
  if (jwt_secret.empty()) {
    jwt_secret = load_or_create_secret_file(data_dir, "jwt_secret");
    log::info("generated or loaded JWT secret from DATA_DIR", {{"file", "jwt_secret"}});
  } else if (jwt_secret.size() < 32) {
    throw std::runtime_error("JWT_SECRET must be at least 32 characters");
  }
}

integrations::DeliverySettings Config::delivery() const {
  return {data_dir,           mail_from,         smtp_url,    sendgrid_api_key, sendgrid_api_base,
          twilio_account_sid, twilio_auth_token, twilio_from, twilio_api_base};
}

}  // namespace confer
