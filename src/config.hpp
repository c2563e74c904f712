#pragma once
// Settings from the environment (see README's table). Secrets that are not
// set are generated once and kept in DATA_DIR so that every process sharing
// the data directory agrees on them.
#include <cstdint>
#include <string>
#include <vector>

#include "http/client_address.hpp"
#include "integrations/delivery.hpp"

namespace confer {

struct Config {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::string data_dir = "./data";
  std::string database_url;  // default: sqlite in data_dir
  int threads = 4;           // THREADS: connection threads (accept, parse, write)
  int read_threads = 4;      // READ_THREADS: run handlers (reads; writes too without write threads)
  int write_threads = 16;
  int max_waiting = 512;  // MAX_WAITING_REQUESTS: per pool, queued or running; then 503
  int database_pool_size = 8;
  std::string log_level = "info";

  std::string jwt_secret;
  std::int64_t access_token_seconds = 15 * 60;
  std::int64_t refresh_token_days = 30;

  std::vector<std::string> allowed_origins;  // FRONTEND_URL, comma-separated
  std::string frontend_url;                  // first allowed origin, for links in emails
  std::string api_base_url;                  // public base URL; https enables HSTS
  bool trust_proxy = false;                  // take client address from X-Forwarded-For
  // TRUSTED_PROXIES: the peers whose X-Forwarded-* headers are believed.
  http::TrustedProxies trusted_proxies = http::TrustedProxies::loopback();

  std::size_t max_body_bytes = 1024 * 1024;
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 30;
  int drain_seconds = 10;

  std::string mail_from = "Confer <no-reply@confer.local>";  // MAIL_FROM / SENDGRID_FROM_EMAIL
  std::string web_dir = "web/dist";
  std::string docs_dir = "build/api-docs";

  int platform_fee_bps = 2000;         // PLATFORM_FEE_BPS: the platform's share, 2000 = 20%
  std::string stripe_secret_key;       // STRIPE_SECRET_KEY: set → payments through Stripe
  std::string stripe_publishable_key;  // STRIPE_PUBLISHABLE_KEY, handed to the web app
  std::string stripe_api_base = "https://api.stripe.com";  // STRIPE_API_BASE (tests: a mock)
  std::string stripe_webhook_secret;  // STRIPE_WEBHOOK_SECRET, else generated into DATA_DIR
  int hold_minutes = 15;              // HOLD_MINUTES: a paid booking waits this long for payment
  int refund_retry_seconds = 60;      // REFUND_RETRY_SECONDS: a refund owed is asked again after
  int holds_max_per_customer = 3;     // HOLDS_MAX_PER_CUSTOMER: unpaid holds at once (0: no limit)
  // HOLDS_MAX_PER_CUSTOMER_PER_SPECIALIST: unpaid holds with one specialist (0: no limit)
  int holds_max_per_specialist = 2;
  int services_max_per_specialist = 50;  // SERVICES_MAX_PER_SPECIALIST: services not deleted
  // Zoom: client id and secret set → meetings on Zoom, hosted by the specialist's own
  // connected account, else the platform's (ZOOM_ACCOUNT_ID, Server-to-Server OAuth).
  std::string zoom_account_id;      // ZOOM_ACCOUNT_ID
  std::string zoom_client_id;       // ZOOM_CLIENT_ID
  std::string zoom_client_secret;   // ZOOM_CLIENT_SECRET
  std::string zoom_webhook_secret;  // ZOOM_WEBHOOK_SECRET_TOKEN
  std::string zoom_redirect_uri;    // ZOOM_REDIRECT_URI: "Connect Zoom Account" callback
  std::string encryption_key;       // CONFER_ENCRYPTION_KEY, else generated into DATA_DIR
  std::string zoom_oauth_base = "https://zoom.us";       // ZOOM_OAUTH_BASE (tests: a stub)
  std::string zoom_api_base = "https://api.zoom.us/v2";  // ZOOM_API_BASE (tests: a mock)
  int job_workers = 1;      // JOB_WORKERS: job worker threads in `serve` (0: none)
  int job_poll_ms = 1000;   // JOB_POLL_MS: how often an idle worker looks for due jobs
  int job_batch = 32;       // JOB_BATCH: jobs a worker claims in one transaction
  int job_concurrency = 4;  // JOB_CONCURRENCY: jobs of a batch a worker runs at once

  // Delivery channels: SMTP_URL, else SENDGRID_API_KEY, else the file outbox;
  // TWILIO_ACCOUNT_SID (+ token and from), else the SMS file outbox.
  std::string smtp_url;                                        // SMTP_URL (may hold credentials)
  std::string sendgrid_api_key;                                // SENDGRID_API_KEY
  std::string sendgrid_api_base = "https://api.sendgrid.com";  // SENDGRID_API_BASE
  std::string twilio_account_sid;                              // TWILIO_ACCOUNT_SID
  std::string twilio_auth_token;                               // TWILIO_AUTH_TOKEN
  std::string twilio_from;                                     // TWILIO_FROM
  std::string twilio_api_base = "https://api.twilio.com";      // TWILIO_API_BASE

  int login_max_failures_per_account = 5;
  int login_max_failures_per_ip = 20;
  int login_failure_window_minutes = 15;
  int signup_max_per_ip_per_hour = 20;     // SIGNUP_MAX_PER_IP_PER_HOUR; 0: no limit
  int reset_max_per_account_per_hour = 5;  // RESET_MAX_PER_ACCOUNT_PER_HOUR; 0: no limit

  // Reads the environment; throws std::runtime_error with a clear message on
  // a bad value.
  static Config from_environment();
  // Fills in secrets that were not set, from (or into) files in data_dir.
  void load_or_create_secrets();
  // The delivery channels' part (integrations/delivery.hpp).
  integrations::DeliverySettings delivery() const;
};

// Reads DATA_DIR/<name>, or writes a fresh random secret there (mode 0600)
// when it does not exist yet; safe when several processes race.
std::string load_or_create_secret_file(const std::string& data_dir, const std::string& name);

}  // namespace confer
