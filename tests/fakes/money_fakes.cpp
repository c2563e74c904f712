#include "fakes/money_fakes.hpp"

#include <algorithm>

#include "fakes/booking_fakes.hpp"

namespace confer::fakes {

void FakePayments::insert(const app::PaymentRecord& payment) {
  if (world_.payments.contains(payment.id)) throw app::ports::Clash("payments_pkey");
  world_.payments[payment.id] = payment;
}

void FakePayments::update(const app::PaymentRecord& payment) {
  world_.payments[payment.id] = payment;
}

std::optional<app::PaymentRecord> FakePayments::find(const std::string& id) {
  auto it = world_.payments.find(id);
  if (it == world_.payments.end()) return std::nullopt;
  return it->second;
}

std::optional<app::PaymentRecord> FakePayments::find_by_provider_id(
    const std::string& provider, const std::string& provider_payment_id) {
  for (const auto& [id, p] : world_.payments)
    if (p.provider == provider && p.provider_payment_id == provider_payment_id) return p;
  return std::nullopt;
}

std::optional<app::PaymentRecord> FakePayments::find_open_for_booking(
    const std::string& booking_id) {
  std::optional<app::PaymentRecord> latest;
  for (const auto& [id, p] : world_.payments)
    if (p.booking_id == booking_id && p.status != "failed" &&
        (!latest || p.created_at >= latest->created_at))
      latest = p;
  return latest;
}

std::vector<app::PaymentRecord> FakePayments::for_user(const std::string& user_id, int limit,
                                                       int offset) {
  std::vector<app::PaymentRecord> found;
  for (const auto& [id, p] : world_.payments)
    if (p.customer_id == user_id || p.specialist_id == user_id) found.push_back(p);
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  const auto from = std::min<std::size_t>(static_cast<std::size_t>(offset), found.size());
  const auto to = std::min<std::size_t>(from + static_cast<std::size_t>(limit), found.size());
  return {found.begin() + static_cast<std::ptrdiff_t>(from),
          found.begin() + static_cast<std::ptrdiff_t>(to)};
}

bool FakePayments::record_event(const std::string& provider, const std::string& event_id,
                                const std::string&, std::int64_t) {
  return world_.provider_events.insert(provider + ":" + event_id).second;
}

std::optional<app::PayoutAccountRecord> FakePayoutAccounts::for_user(const std::string& user_id) {
  auto it = world_.payout_accounts.find(user_id);
  if (it == world_.payout_accounts.end()) return std::nullopt;
  return it->second;
}

void FakePayoutAccounts::insert(const app::PayoutAccountRecord& account) {
  if (world_.payout_accounts.contains(account.user_id))
    throw app::ports::Clash("payout_accounts_pkey");
  world_.payout_accounts[account.user_id] = account;
}

bool FakePayoutAccounts::update_flags(const std::string& provider, const std::string& account_id,
                                      bool charges, bool payouts, bool details, std::int64_t now) {
  for (auto& [user, account] : world_.payout_accounts)
    if (account.provider == provider && account.account_id == account_id) {
      account.charges_enabled = charges;
      account.payouts_enabled = payouts;
      account.details_submitted = details;
      account.updated_at = now;
      return true;
    }
  return false;
}

void FakePayoutAccounts::remove(const std::string& user_id) {
  world_.payout_accounts.erase(user_id);
}

std::optional<app::MeetingRecord> FakeMeetings::for_booking(const std::string& booking_id) {
  auto it = world_.meetings.find(booking_id);
  if (it == world_.meetings.end()) return std::nullopt;
  return it->second;
}

std::optional<app::MeetingRecord> FakeMeetings::by_meeting(const std::string& provider,
                                                           const std::string& meeting_id) {
  for (const auto& [booking, m] : world_.meetings)
    if (m.provider == provider && m.meeting_id == meeting_id) return m;
  return std::nullopt;
}

void FakeMeetings::insert(const app::MeetingRecord& meeting) {
  world_.meetings[meeting.booking_id] = meeting;
  set_link(meeting.booking_id, meeting.provider, meeting.join_url);
}

void FakeMeetings::save_recording(const app::MeetingRecord& meeting) {
  world_.meetings[meeting.booking_id] = meeting;
}

void FakeMeetings::set_link(const std::string& booking_id, const std::string& provider,
                            const std::string& url) {
  if (auto it = world_.bookings.find(booking_id); it != world_.bookings.end()) {
    it->second.meeting_provider = provider;
    it->second.meeting_url = url;
  }
}

void FakeMeetings::remove(const std::string& booking_id) {
  world_.meetings.erase(booking_id);
}

app::ports::NotificationPage FakeNotifications::list(const std::string& user_id, bool unread_only,
                                                     int limit, int offset) {
  app::ports::NotificationPage page;
  std::vector<app::NotificationRecord> mine;
  for (const auto& n : world_.notifications) {
    if (n.user_id != user_id) continue;
    if (!n.read_at) ++page.unread;
    if (!unread_only || !n.read_at) mine.push_back(n);
  }
  std::stable_sort(mine.begin(), mine.end(),
                   [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  page.total = static_cast<std::int64_t>(mine.size());
  for (int i = offset; i < offset + limit && i < static_cast<int>(mine.size()); ++i)
    page.items.push_back(mine[static_cast<std::size_t>(i)]);
  return page;
}

bool FakeNotifications::mark_read(const std::string& user_id, const std::string& id,
                                  std::int64_t now) {
  for (auto& n : world_.notifications)
    if (n.user_id == user_id && n.id == id) {
      if (!n.read_at) n.read_at = now;
      return true;
    }
  return false;
}

std::int64_t FakeNotifications::mark_all_read(const std::string& user_id, std::int64_t now) {
  std::int64_t marked = 0;
  for (auto& n : world_.notifications)
    if (n.user_id == user_id && !n.read_at) {
      n.read_at = now;
      ++marked;
    }
  return marked;
}

void FakeNotifications::set_feed_token(const std::string& user_id, const std::string& token_hash,
                                       std::int64_t now) {
  world_.feed_tokens[user_id] = {token_hash, now};
}

bool FakeNotifications::remove_feed_token(const std::string& user_id) {
  return world_.feed_tokens.erase(user_id) > 0;
}

std::optional<std::string> FakeNotifications::feed_owner(const std::string& token_hash) {
  for (const auto& [user, token] : world_.feed_tokens)
    if (token.first == token_hash) return user;
  return std::nullopt;
}

std::optional<std::int64_t> FakeNotifications::feed_created_at(const std::string& user_id) {
  auto it = world_.feed_tokens.find(user_id);
  if (it == world_.feed_tokens.end()) return std::nullopt;
  return it->second.second;
}

}  // namespace confer::fakes
