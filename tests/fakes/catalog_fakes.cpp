#include "fakes/catalog_fakes.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "app/earnings.hpp"

namespace confer::fakes {
namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

// Tags are a JSON list of strings: one whole element, as the SQL matches it.
bool has_tag(const std::string& tags_json, const std::string& tag) {
  return contains(tags_json, "\"" + tag + "\"");
}

// Each word of `query` starts a word of `text`, in any case (the full-text
// search's rule).
bool matches_words(const std::string& text, const std::string& query) {
  auto words = [](const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : lower(s)) {
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
        out.back() += c;
      else if (!out.back().empty())
        out.emplace_back();
    }
    return out;
  };
  const auto in_text = words(text);
  for (const auto& wanted : words(query)) {
    if (wanted.empty()) continue;
    if (std::none_of(in_text.begin(), in_text.end(),
                     [&](const auto& w) { return w.starts_with(wanted); }))
      return false;
  }
  return true;
}

bool live(const app::ServiceRecord& service) {
  return service.published && !service.deleted_at;
}

}  // namespace

std::string FakeCatalogStore::add_user(const std::string& id, const std::string& role,
                                       const std::string& name, const std::string& zone) {
  app::UserRecord user;
  user.id = id;
  user.email = id + "@example.com";
  user.name = name.empty() ? id : name;
  user.role = role;
  user.timezone = zone;
  data_.users[id] = user;
  return id;
}

void FakeCatalogStore::add_profile(const app::SpecialistProfileRecord& profile) {
  data_.profiles[profile.user_id] = profile;
}

void FakeCatalogStore::add_busy(const std::string& specialist_id, app::BusyTime busy) {
  data_.busy.emplace(specialist_id, busy);
  ++commits_;
}

void FakeCatalogStore::read(const std::function<void(app::ports::CatalogTransaction&)>& work) {
  ++reads_;
  work(*this);
}

void FakeCatalogStore::write(const std::function<void(app::ports::CatalogTransaction&)>& work) {
  auto before = data_;
  try {
    work(*this);
  } catch (...) {
    data_ = std::move(before);
    throw;
  }
  ++commits_;
}

void FakeCatalogStore::insert(const app::ServiceRecord& service) {
  data_.services.push_back(service);
  bump(service.specialist_id);
}

void FakeCatalogStore::update(const app::ServiceRecord& service) {
  for (auto& s : data_.services)
    if (s.id == service.id && s.specialist_id == service.specialist_id) s = service;
  bump(service.specialist_id);
}

std::optional<app::ServiceRecord> FakeCatalogStore::find(const std::string& id) {
  for (const auto& s : data_.services)
    if (s.id == id) return s;
  return std::nullopt;
}

std::int64_t FakeCatalogStore::count_for_specialist(const std::string& specialist_id) {
  return std::count_if(data_.services.begin(), data_.services.end(), [&](const auto& s) {
    return s.specialist_id == specialist_id && !s.deleted_at;
  });
}

std::vector<app::ServiceRecord> FakeCatalogStore::list_for_specialist(
    const std::string& specialist_id, bool include_unpublished) {
  std::vector<app::ServiceRecord> out;
  for (const auto& s : data_.services)
    if (s.specialist_id == specialist_id && !s.deleted_at && (s.published || include_unpublished))
      out.push_back(s);
  return out;
}

void FakeCatalogStore::insert(const app::AvailabilityRecord& record) {
  if (std::exchange(clash_next_insert, false) || find_for_specialist(record.specialist_id))
    throw app::ports::Clash("availability_specialist_id_key");
  data_.availabilities.push_back(record);
  bump(record.specialist_id);
}

void FakeCatalogStore::update(const app::AvailabilityRecord& record) {
  for (auto& a : data_.availabilities)
    if (a.id == record.id) a = record;
  bump(record.specialist_id);
}

std::optional<app::AvailabilityRecord> FakeCatalogStore::find_by_id(const std::string& id) {
  for (const auto& a : data_.availabilities)
    if (a.id == id) return a;
  return std::nullopt;
}

std::optional<app::AvailabilityRecord> FakeCatalogStore::find_for_specialist(
    const std::string& specialist_id) {
  for (const auto& a : data_.availabilities)
    if (a.specialist_id == specialist_id) return a;
  return std::nullopt;
}

bool FakeCatalogStore::insert_block(const app::BlockedSlotRecord& block) {
  for (const auto& b : data_.blocks)
    if (b.specialist_id == block.specialist_id && b.start_at == block.start_at &&
        b.end_at == block.end_at)
      return false;
  data_.blocks.push_back(block);
  bump(block.specialist_id);
  return true;
}

bool FakeCatalogStore::delete_block(const std::string& specialist_id, std::int64_t start_at,
                                    std::int64_t end_at) {
  auto removed = std::erase_if(data_.blocks, [&](const auto& b) {
    return b.specialist_id == specialist_id && b.start_at == start_at && b.end_at == end_at;
  });
  if (removed > 0) bump(specialist_id);
  return removed > 0;
}

std::vector<app::BlockedSlotRecord> FakeCatalogStore::blocks_between(
    const std::string& specialist_id, std::int64_t from, std::int64_t to) {
  std::vector<app::BlockedSlotRecord> out;
  for (const auto& b : data_.blocks)
    if (b.specialist_id == specialist_id && b.end_at > from && b.start_at < to) out.push_back(b);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.start_at < b.start_at; });
  return out;
}

std::int64_t FakeCatalogStore::schedule_version(const std::string& specialist_id) {
  auto found = data_.schedule_versions.find(specialist_id);
  return found == data_.schedule_versions.end() ? 0 : found->second;
}

std::vector<app::BusyTime> FakeCatalogStore::busy(const std::string& specialist_id,
                                                  std::int64_t from, std::int64_t to,
                                                  std::int64_t now) {
  std::vector<app::BusyTime> out;
  auto [first, last] = data_.busy.equal_range(specialist_id);
  for (auto it = first; it != last; ++it) {
    const auto& b = it->second;
    if (b.end_at > from && b.start_at < to && (b.hold_expires_at == 0 || b.hold_expires_at > now))
      out.push_back(b);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.start_at < b.start_at; });
  return out;
}

app::ports::ScheduleStamp FakeCatalogStore::stamp(const std::string& specialist_id,
                                                  std::int64_t from, std::int64_t to,
                                                  std::int64_t now) {
  return {schedule_version(specialist_id), busy(specialist_id, from, to, now)};
}

std::optional<app::UserRecord> FakeCatalogStore::user(const std::string& id) {
  auto found = data_.users.find(id);
  if (found == data_.users.end()) return std::nullopt;
  return found->second;
}

std::optional<app::SpecialistProfileRecord> FakeCatalogStore::profile(const std::string& user_id) {
  auto found = data_.profiles.find(user_id);
  if (found == data_.profiles.end()) return std::nullopt;
  return found->second;
}

bool FakeCatalogStore::listed(const std::string& id) {
  auto user = data_.users.find(id);
  return user != data_.users.end() && user->second.role == "specialist" &&
         data_.profiles.contains(id);
}

std::vector<std::string> FakeCatalogStore::unsure_on(const std::string&, std::int64_t) {
  std::vector<std::string> ids;
  for (const auto& [id, profile] : data_.profiles)
    if (listed(id)) ids.push_back(id);
  return ids;
}

std::int64_t FakeCatalogStore::count(const app::ports::DirectoryFilter& filter) {
  ++counts_;
  return static_cast<std::int64_t>(
      search(filter, {std::nullopt, 0, 1'000'000, std::nullopt}).items.size());
}

app::ports::DirectoryMatches FakeCatalogStore::search(const app::ports::DirectoryFilter& f,
                                                      const app::ports::DirectoryWindow& window) {
  std::vector<app::ports::DirectoryEntry> all;
  for (const auto& [id, profile] : data_.profiles) {
    const auto& user = data_.users.at(id);
    if (user.role != "specialist") continue;
    if (!matches_words(
            user.name + " " + profile.headline + " " + profile.bio + " " + profile.specialties_json,
            f.text))
      continue;
    if (!f.specialty.empty() && !has_tag(profile.specialties_json, f.specialty)) continue;
    if (!f.language.empty() && !has_tag(profile.languages_json, f.language)) continue;
    // Every listed specialist is unsure here: free when the engine said so.
    if (f.free_on &&
        std::find(f.free_on->free.begin(), f.free_on->free.end(), id) == f.free_on->free.end())
      continue;
    app::ports::DirectoryEntry entry{user, profile, std::nullopt, "", 0, std::nullopt};
    bool priced_as_asked = false;
    for (const auto& s : data_.services) {
      if (s.specialist_id != id || !live(s)) continue;
      ++entry.service_count;
      if (!entry.lowest_price || std::tie(s.price, s.currency) <
                                     std::tie(*entry.lowest_price, entry.lowest_price_currency)) {
        entry.lowest_price = s.price;
        entry.lowest_price_currency = s.currency;
      }
      if (f.currency && s.currency == *f.currency && s.price >= f.min_price.value_or(0) &&
          s.price <= f.max_price.value_or(INT64_MAX))
        priced_as_asked = true;
    }
    if (f.currency && !priced_as_asked) continue;
    all.push_back(std::move(entry));
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.user.name, a.user.id) < std::tie(b.user.name, b.user.id);
  });
  app::ports::DirectoryMatches out;
  auto first = static_cast<std::size_t>(window.offset);
  if (window.after_id) {
    const auto& anchor = data_.users.at(*window.after_id);
    first = static_cast<std::size_t>(
        std::upper_bound(
            all.begin(), all.end(), std::tie(anchor.name, anchor.id),
            [](const auto& key, const auto& e) { return key < std::tie(e.user.name, e.user.id); }) -
        all.begin());
  }
  for (auto i = first; i < all.size(); ++i) {
    if (out.items.size() == static_cast<std::size_t>(window.limit)) {
      out.more = true;
      break;
    }
    out.items.push_back(all[i]);
  }
  return out;
}

std::vector<app::EarningsRow> FakeSettledPayments::monthly(const std::string& specialist_id,
                                                           int fee_bps) {
  std::vector<app::SettledPaymentRecord> settled;
  for (const auto& [owner, payment] : payments_)
    if (specialist_id.empty() || owner == specialist_id) settled.push_back(payment);
  return app::sum_by_month(settled, fee_bps);
}

std::optional<app::SealedZoomTokens> FakeZoomTokens::find(const std::string& user_id) {
  auto found = tokens_.find(user_id);
  if (found == tokens_.end()) return std::nullopt;
  return found->second;
}

app::OAuthTokens SingleUseRefreshTokens::exchange_code(const std::string&) {
  return issue();
}

app::OAuthTokens SingleUseRefreshTokens::refresh(const std::string& refresh_token) {
  ++refreshes;
  if (before_refresh) std::exchange(before_refresh, nullptr)();
  if (valid_.erase(refresh_token) == 0) throw std::runtime_error("invalid_grant");
  return issue();
}

app::OAuthTokens SingleUseRefreshTokens::issue() {
  ++issued_;
  valid_.insert("refresh-" + std::to_string(issued_));
  return {"access-" + std::to_string(issued_), "refresh-" + std::to_string(issued_), 3600};
}

}  // namespace confer::fakes
