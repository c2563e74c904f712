#include "app/auth_service.hpp"

#include <algorithm>

#include "app/email_templates.hpp"
#include "app/errors.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/password.hpp"

namespace confer::app {
namespace {

constexpr std::int64_t reset_link_minutes = 30;
constexpr std::string_view bad_credentials = "The email or password is not right.";
constexpr std::int64_t hour_ms = 3'600'000;
constexpr std::string_view signup_kind = "signup";
constexpr std::string_view reset_kind = "password_reset";
constexpr std::string_view too_many_signups =
    "Too many accounts were made from this address. Try again later.";
constexpr std::string_view too_many_resets =
    "Too many reset links were asked for this address. Try again later.";

class Argon2id final : public ports::Passwords {
 public:
  std::string hash(std::string_view password) const override {
    return security::hash_password(password);
  }
  bool verify(std::string_view hash, std::string_view password) const override {
    return security::verify_password(hash, password);
  }
};

const Argon2id argon2id{};

std::int64_t seconds_until(std::int64_t oldest_ms, std::int64_t window_ms, std::int64_t now_ms) {
  return (oldest_ms + window_ms - now_ms + 999) / 1000;
}

// 429 when `subject` has had `limit` requests of `kind` within the last hour
// (a limit of 0 or less is no limit).
void check_hourly_limit(ports::AccountTransaction& tx, std::string_view kind,
                        const std::string& subject, int limit, std::int64_t now,
                        std::string_view refusal) {
  if (limit <= 0) return;
  auto used = tx.rate_limits().count(kind, subject, now - hour_ms);
  if (used.count >= limit)
    throw Error::too_many_requests(std::string(refusal),
                                   seconds_until(used.oldest_at, hour_ms, now));
}

// The same check, and this request counted, in the caller's write transaction:
// it is counted only if that transaction commits.
void count_against_hourly_limit(ports::AccountTransaction& tx, std::string_view kind,
                                const std::string& subject, int limit, std::int64_t now,
                                std::string_view refusal) {
  if (limit <= 0) return;
  tx.rate_limits().prune(now - hour_ms);
  tx.take_turn(kind, subject);
  check_hourly_limit(tx, kind, subject, limit, now, refusal);
  tx.rate_limits().record(security::new_uuid(), kind, subject, now);
}

AuditEntry audit(std::string action, const std::string& user_id, const std::string& ip,
                 std::int64_t now) {
  AuditEntry entry;
  entry.id = security::new_uuid();
  entry.actor_id = user_id;
  entry.action = std::move(action);
  entry.entity_type = "user";
  entry.entity_id = user_id;
  if (!ip.empty()) entry.ip = ip;
  entry.created_at = now;
  return entry;
}

}  // namespace

AuthService::AuthService(ports::AccountUnitOfWork& accounts, const Clock& clock, Mailer& mailer,
                         AuthSettings settings)
    : AuthService(accounts, clock, mailer, std::move(settings), argon2id) {}

AuthService::AuthService(ports::AccountUnitOfWork& accounts, const Clock& clock, Mailer& mailer,
                         AuthSettings settings, const ports::Passwords& passwords)
    : accounts_(accounts),
      clock_(clock),
      mailer_(mailer),
      settings_(std::move(settings)),
      passwords_(passwords),
      token_versions_(clock, settings_.token_version_cache_ms) {}

// Verifying against a fixed hash when the account does not exist keeps the
// answer time the same, so timing does not reveal which emails have accounts.
const std::string& AuthService::decoy_hash() {
  std::call_once(decoy_made_,
                 [this] { decoy_hash_ = passwords_.hash("decoy password for timing"); });
  return decoy_hash_;
}

IssuedTokens AuthService::issue_tokens(ports::AccountTransaction& tx, const UserRecord& user,
                                       const std::string& family_id, std::int64_t now_ms) {
  IssuedTokens tokens;
  const std::int64_t now_s = now_ms / 1000;
  security::AccessClaims claims{user.id,
                                user.role,
                                now_s,
                                now_s + settings_.access_token_seconds,
                                security::random_token(16),
                                user.token_version};
  tokens.access_token = security::sign_access_token(settings_.jwt, claims);
  tokens.expires_in = settings_.access_token_seconds;
  tokens.refresh_token = security::random_token(32);
  tx.refresh_tokens().insert(
      {security::new_uuid(), security::sha256_hex(tokens.refresh_token), family_id, user.id, now_ms,
       now_ms + settings_.refresh_token_days * 86'400'000, std::nullopt, std::nullopt});
  return tokens;
}

AuthResult AuthService::signup(const SignupInput& input, const std::string& ip) {
  const int limit = settings_.max_signups_per_ip_per_hour;
  // Also checked before the slow hash, so that refused requests cost little.
  if (limit > 0)
    accounts_.read([&](ports::AccountTransaction& tx) {
      check_hourly_limit(tx, signup_kind, ip, limit, clock_.now_ms(), too_many_signups);
    });
  const auto hash = passwords_.hash(input.password);
  const auto now = clock_.now_ms();
  AuthResult result;
  result.user = {security::new_uuid(), input.email,    hash, input.name,
                 input.role,           input.timezone, now,  now,
                 std::nullopt,         false,          0};
  try {
    accounts_.write([&](ports::AccountTransaction& tx) {
      // Counted with the account, so only accounts made count: a sign-up
      // refused for a taken email rolls its count back too.
      count_against_hourly_limit(tx, signup_kind, ip, limit, now, too_many_signups);
      tx.users().insert(result.user);
      if (input.role == "specialist") {
        SpecialistProfileRecord profile;
        profile.user_id = result.user.id;
        profile.created_at = profile.updated_at = now;
        tx.users().insert_profile(profile);
      }
      tx.audit().append(audit("user.signup", result.user.id, ip, now));
      result.tokens = issue_tokens(tx, result.user, security::new_uuid(), now);
    });
  } catch (const ports::Clash&) {
    throw Error::conflict("An account with this email already exists. Log in instead.");
  }
  return result;
}

AuthResult AuthService::login(const std::string& email, const std::string& password,
                              const std::string& ip) {
  const auto now = clock_.now_ms();
  const std::int64_t window_ms = std::int64_t{settings_.failure_window_minutes} * 60'000;
  const auto attempt_id = security::new_uuid();
  std::optional<UserRecord> user;
  // Every attempt is first counted as a failure, and un-counted on success:
  // parallel guesses cannot slip past the limit while hashes are checked.
  accounts_.write([&](ports::AccountTransaction& tx) {
    // Attempts on one account, and from one address, count one after
    // another (always in this order, so two never wait on each other).
    tx.take_turn("login-account", email);
    tx.take_turn("login-ip", ip);
    auto& failures = tx.login_failures();
    failures.prune(now - window_ms);
    auto by_account = failures.for_email(email, now - window_ms);
    if (by_account.count >= settings_.max_failures_per_account)
      throw Error::too_many_requests("Too many failed attempts for this account. Try again later.",
                                     seconds_until(by_account.oldest_at, window_ms, now));
    auto by_ip = failures.for_ip(ip, now - window_ms);
    if (by_ip.count >= settings_.max_failures_per_ip)
      throw Error::too_many_requests("Too many failed attempts from this address. Try again later.",
                                     seconds_until(by_ip.oldest_at, window_ms, now));
    failures.record(attempt_id, email, ip, now);
    user = tx.users().find_by_email(email);
  });

  const bool ok = user ? passwords_.verify(user->password_hash, password)
                       : (passwords_.verify(decoy_hash(), password), false);
  if (!ok) throw Error::unauthenticated(std::string(bad_credentials));

  AuthResult result;
  result.user = *user;
  accounts_.write([&](ports::AccountTransaction& tx) {
    tx.login_failures().clear_for_email(email);
    tx.audit().append(audit("user.login", user->id, ip, now));
    result.tokens = issue_tokens(tx, *user, security::new_uuid(), now);
  });
  return result;
}

IssuedTokens AuthService::refresh(const std::string& refresh_token) {
  const auto now = clock_.now_ms();
  const auto hash = security::sha256_hex(refresh_token);
  std::optional<IssuedTokens> issued;
  std::optional<std::string> revoked_user;
  std::string refusal = "This refresh token is not valid. Log in again.";
  // The transaction commits even when the token is refused, so that a
  // detected reuse really revokes the family.
  accounts_.write([&](ports::AccountTransaction& tx) {
    auto& tokens = tx.refresh_tokens();
    auto token = tokens.find(hash);
    if (!token) return;
    if (token->used_at || token->revoked_at || !tokens.mark_used(token->id, now)) {
      // Whoever holds the family's live token may be the thief: its access
      // tokens die too (the user's other devices refresh theirs).
      tokens.revoke_family(token->family_id, now);
      tx.users().bump_token_version(token->user_id);
      revoked_user = token->user_id;
      tx.audit().append(audit("user.refresh_token_reused", token->user_id, "", now));
      log::warn("refresh token reused; family revoked", {{"userId", token->user_id}});
      return;
    }
    if (token->expires_at <= now) {
      refusal = "This session has expired. Log in again.";
      return;
    }
    auto user = tx.users().find_by_id(token->user_id);
    if (!user) return;
    issued = issue_tokens(tx, *user, token->family_id, now);
  });
  if (revoked_user) token_versions_.forget(*revoked_user);
  if (!issued) throw Error::unauthenticated(refusal);
  return *issued;
}

void AuthService::logout(const std::string& user_id,
                         const std::optional<std::string>& refresh_token) {
  const auto now = clock_.now_ms();
  accounts_.write([&](ports::AccountTransaction& tx) {
    auto& tokens = tx.refresh_tokens();
    if (refresh_token) {
      auto token = tokens.find(security::sha256_hex(*refresh_token));
      if (token && token->user_id == user_id) tokens.revoke_family(token->family_id, now);
    } else {
      tokens.revoke_all_for_user(user_id, now);
    }
    // The access token of the device signing out must die with its session;
    // a version per user also ends the other devices' access tokens, which
    // they replace with their still valid refresh tokens.
    tx.users().bump_token_version(user_id);
    tx.audit().append(audit("user.logout", user_id, "", now));
  });
  token_versions_.forget(user_id);
}

void AuthService::forgot_password(const std::string& email, const std::string& ip) {
  const auto now = clock_.now_ms();
  const auto token = security::random_token(32);
  std::optional<UserRecord> user;
  accounts_.write([&](ports::AccountTransaction& tx) {
    // Counted per address asked for, with or without an account, before the
    // account is looked up: whether the answer is 202 or 429, and its
    // Retry-After, then depend only on how often the address was asked for,
    // so they tell nobody whether it has an account. (Answering 202 and
    // silently sending nothing would hide that too, but leave a real user
    // waiting for a mail that never comes.)
    count_against_hourly_limit(tx, reset_kind, email, settings_.max_resets_per_account_per_hour,
                               now, too_many_resets);
    user = tx.users().find_by_email(email);
    if (!user) return;
    tx.password_resets().insert({security::new_uuid(), security::sha256_hex(token), user->id, now,
                                 now + reset_link_minutes * 60'000, std::nullopt});
    tx.audit().append(audit("user.password_reset_requested", user->id, ip, now));
  });
  if (!user) return;

  const auto link = settings_.app_url + "/reset-password?token=" + token;
  const auto message =
      email::password_reset(user->name, user->email, link, static_cast<int>(reset_link_minutes));
  try {
    mailer_.send(message);
  } catch (const std::exception& error) {
    // The answer stays the same either way; the operator sees the failure.
    log::error("password reset email not sent", {{"userId", user->id}, {"error", error.what()}});
  }
}

void AuthService::reset_password(const std::string& token, const std::string& new_password,
                                 const std::string& ip) {
  const auto hash = passwords_.hash(new_password);
  const auto now = clock_.now_ms();
  std::optional<std::string> reset_user;
  accounts_.write([&](ports::AccountTransaction& tx) {
    auto& resets = tx.password_resets();
    auto reset = resets.find(security::sha256_hex(token));
    if (!reset || reset->used_at || reset->expires_at <= now) return;
    if (!resets.mark_used(reset->id, now)) return;
    auto& users = tx.users();
    auto user = users.find_by_id(reset->user_id);
    if (!user) return;
    users.update_password(user->id, hash, now);
    users.bump_token_version(user->id);
    tx.refresh_tokens().revoke_all_for_user(user->id, now);
    // Other links mailed before may sit in the same inbox the attacker read.
    resets.mark_all_used_for_user(user->id, now);
    tx.login_failures().clear_for_email(user->email);
    tx.audit().append(audit("user.password_reset", user->id, ip, now));
    reset_user = user->id;
  });
  if (!reset_user)
    throw Error::bad_request("This reset link is not valid any more. Ask for a new one.");
  token_versions_.forget(*reset_user);
}

std::optional<Caller> AuthService::authenticate(std::string_view access_token) const {
  auto verified = security::verify_access_token(settings_.jwt, access_token, clock_.now_seconds());
  const auto* claims = std::get_if<security::AccessClaims>(&verified);
  if (!claims) return std::nullopt;
  auto current = token_versions_.current(claims->subject, [this](const std::string& user_id) {
    std::optional<std::int64_t> version;
    accounts_.read(
        [&](ports::AccountTransaction& tx) { version = tx.users().token_version(user_id); });
    return version;
  });
  // Versions only grow: a token of any other version was revoked.
  if (!current || *current != claims->token_version) return std::nullopt;
  return Caller{claims->subject, claims->role};
}

}  // namespace confer::app
