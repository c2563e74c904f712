#pragma once
// The plain records the ports exchange with their adapters (the store): an
// account, a service, a specialist's rules and blocked times, a provider
// meeting, an outbox job, an in-app notification, an audit row. Data only;
// the store reads and writes them, the use cases never see SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confer::app {

struct UserRecord {
  std::string id;
  std::string email;
  std::string password_hash;
  std::string name;
  std::string role;
  std::string timezone;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::string> phone;  // E.164, for SMS reminders
  bool sms_opt_in = false;
  std::int64_t token_version = 0;  // access tokens of another version are revoked
};

struct ServiceRecord {
  std::string id;
  std::string specialist_id;
  std::string title;
  std::string description;
  int duration_minutes = 60;
  std::int64_t price = 0;
  std::string currency = "USD";
  std::string tags_json = "[]";
  int cancellation_deadline_hours = 24;
  std::string refund_policy = "full";  // full | percentage | none
  int refund_percentage = 100;
  bool published = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> deleted_at;
};

struct AvailabilityRecord {
  std::string id;
  std::string specialist_id;
  std::string timezone;
  std::string rules_json;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct BlockedSlotRecord {
  std::string id;
  std::string specialist_id;
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::string reason;
  std::int64_t created_at = 0;
};

struct MeetingRecord {
  std::string booking_id;
  std::string provider;
  std::string meeting_id;
  std::string join_url;
  std::optional<std::string> host_url;
  std::optional<std::string> recording_id;
  std::optional<std::string> recording_url;
  std::optional<std::int64_t> recording_duration_minutes;
  std::optional<std::int64_t> recording_expires_at;
  bool recording_is_public = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct JobRecord {
  std::string id;
  std::string kind;
  std::string payload = "{}";  // JSON object
  std::optional<std::string> booking_id;
  std::int64_t run_at = 0;
  std::string status = "queued";
  int attempts = 0;
  int max_attempts = 8;
  std::optional<std::string> last_error;
  std::int64_t created_at = 0;
};

struct NotificationRecord {
  std::string id;
  std::string user_id;
  std::string kind;  // "booking.confirmed", "booking.cancelled", …
  std::string title;
  std::string body;
  std::optional<std::string> booking_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
  std::optional<std::int64_t> booking_start;  // read from the booking, for display
};

struct AuditEntry {
  std::string id;
  std::optional<std::string> actor_id;
  std::string action;       // "user.signup", "booking.status_changed", …
  std::string entity_type;  // "user", "booking", …
  std::optional<std::string> entity_id;
  std::optional<std::string> from_state;
  std::optional<std::string> to_state;
  std::optional<std::string> detail;
  std::optional<std::string> ip;
  std::int64_t created_at = 0;
};

// A payment for a booking at the provider (Stripe, the sandbox).
struct PaymentRecord {
  std::string id;
  std::string booking_id;
  std::string specialist_id;
  std::string customer_id;
  std::int64_t amount = 0;
  std::string currency;
  std::int64_t platform_fee = 0;
  std::int64_t specialist_payout = 0;
  std::string provider;
  std::string provider_payment_id;
  std::string client_secret;
  std::string status = "pending";
  std::optional<std::string> failure_reason;
  std::int64_t refunded_amount = 0;
  std::string metadata_json = "{}";
  std::int64_t created_at = 0;
  std::optional<std::int64_t> attempted_at;
  std::optional<std::int64_t> succeeded_at;
  std::int64_t updated_at = 0;
};

// A specialist's payout account at the provider (Stripe Connect).
struct PayoutAccountRecord {
  std::string user_id;
  std::string provider;
  std::string account_id;
  bool charges_enabled = false;
  bool payouts_enabled = false;
  bool details_submitted = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// The account side: a specialist's public profile, a page of users, the
// hashes of refresh and reset tokens, and how many requests a limit counted.

struct SpecialistProfileRecord {
  std::string user_id;
  std::string headline;
  std::string bio;
  std::string specialties_json = "[]";
  std::string languages_json = "[]";
  std::optional<std::string> photo_url;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct UserPage {
  std::vector<UserRecord> items;
  std::int64_t total = 0;
};

// One log-in's refresh tokens form a family: each refresh uses one up and
// issues the next. Stored only as SHA-256 hashes.
struct RefreshTokenRecord {
  std::string id;
  std::string token_hash;
  std::string family_id;
  std::string user_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  std::optional<std::int64_t> revoked_at;
};

struct PasswordResetRecord {
  std::string id;
  std::string token_hash;
  std::string user_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

// Requests (or failed logins) counted against a limit within a window.
struct RequestCount {
  std::int64_t count = 0;
  std::int64_t oldest_at = 0;  // the earliest request counted (when count > 0)
};

// The catalog side (app/ports/catalog_ports.hpp).

// The time one of a specialist's active bookings takes (Unix ms). A pending
// booking whose payment hold has run out no longer takes time.
struct BusyTime {
  std::int64_t start_at;
  std::int64_t end_at;
  // When an unpaid hold stops taking this time; 0 for a booking that is not
  // waiting for payment.
  std::int64_t hold_expires_at = 0;
  bool operator==(const BusyTime&) const = default;
};

// A payment that went through (maybe refunded in part or whole), as the
// earnings report reads it.
// What a specialist (or the platform) earned in one UTC month and currency.
struct EarningsRow {
  std::string month;  // "2027-07", UTC
  std::string currency;
  std::int64_t gross = 0;  // kept after refunds
  std::int64_t platform_fee = 0;
  std::int64_t net = 0;  // the specialist's share
  std::int64_t refunded = 0;
  int payments = 0;
};

struct SettledPaymentRecord {
  std::int64_t amount = 0;
  std::int64_t refunded_amount = 0;
  std::string currency;
  std::int64_t settled_at = 0;    // Unix ms: when it succeeded (or was created)
  std::int64_t platform_fee = 0;  // charged at payment time
};

// A specialist's Zoom tokens as stored: sealed (security::SecretBox).
struct SealedZoomTokens {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_at = 0;  // Unix ms
};

}  // namespace confer::app
