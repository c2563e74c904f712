#pragma once
// In-memory fakes of the catalog side's ports (app/ports/catalog_ports.hpp),
// so the catalog and schedule use cases run without a database. They keep
// the adapters' promises that a use case can notice: a write that throws
// leaves nothing behind, every change to a specialist's rules, services or
// blocked times moves their schedule version, a second set of rules is a
// Clash, the directory search filters and orders as the SQL does.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "app/zoom_accounts.hpp"

namespace confer::fakes {

// What the fake catalog holds; copied to roll a failed write back.
struct CatalogData {
  std::map<std::string, app::UserRecord> users;
  std::map<std::string, app::SpecialistProfileRecord> profiles;
  std::vector<app::ServiceRecord> services;  // in insertion order
  std::vector<app::AvailabilityRecord> availabilities;
  std::vector<app::BlockedSlotRecord> blocks;
  std::multimap<std::string, app::BusyTime> busy;  // by specialist
  std::map<std::string, std::int64_t> schedule_versions;
};

class FakeCatalogStore final : public app::ports::CatalogUnitOfWork,
                               private app::ports::CatalogTransaction,
                               private app::ports::Services,
                               private app::ports::Availabilities,
                               private app::ports::BusyTimes,
                               private app::ports::Specialists,
                               private app::ports::FreeDays {
 public:
  // Test setup, outside any transaction.
  std::string add_user(const std::string& id, const std::string& role, const std::string& name = "",
                       const std::string& zone = "UTC");
  void add_profile(const app::SpecialistProfileRecord& profile);
  void add_busy(const std::string& specialist_id, app::BusyTime busy);
  const CatalogData& data() const { return data_; }
  int reads() const { return reads_; }
  int counts() const { return counts_; }  // directory count() calls
  // The next availability insert throws Clash, as a racing insert would.
  bool clash_next_insert = false;

  void read(const std::function<void(app::ports::CatalogTransaction&)>& work) override;
  void write(const std::function<void(app::ports::CatalogTransaction&)>& work) override;
  std::optional<std::int64_t> change_counter() override { return commits_; }

 private:
  app::ports::Services& services() override { return *this; }
  app::ports::Availabilities& availabilities() override { return *this; }
  app::ports::BusyTimes& busy_times() override { return *this; }
  app::ports::Specialists& specialists() override { return *this; }
  app::ports::FreeDays& free_days() override { return *this; }

  // Services
  void insert(const app::ServiceRecord& service) override;
  void update(const app::ServiceRecord& service) override;
  std::optional<app::ServiceRecord> find(const std::string& id) override;
  std::int64_t count_for_specialist(const std::string& specialist_id) override;
  std::vector<app::ServiceRecord> list_for_specialist(const std::string& specialist_id,
                                                      bool include_unpublished) override;
  void take_turn_adding(const std::string&) override {}
  // Availabilities
  void insert(const app::AvailabilityRecord& record) override;
  void update(const app::AvailabilityRecord& record) override;
  std::optional<app::AvailabilityRecord> find_by_id(const std::string& id) override;
  std::optional<app::AvailabilityRecord> find_for_specialist(
      const std::string& specialist_id) override;
  bool insert_block(const app::BlockedSlotRecord& block) override;
  bool delete_block(const std::string& specialist_id, std::int64_t start_at,
                    std::int64_t end_at) override;
  std::vector<app::BlockedSlotRecord> blocks_between(const std::string& specialist_id,
                                                     std::int64_t from, std::int64_t to) override;
  std::int64_t schedule_version(const std::string& specialist_id) override;
  // BusyTimes
  std::vector<app::BusyTime> busy(const std::string& specialist_id, std::int64_t from,
                                  std::int64_t to, std::int64_t now) override;
  app::ports::ScheduleStamp stamp(const std::string& specialist_id, std::int64_t from,
                                  std::int64_t to, std::int64_t now) override;
  // Specialists
  std::optional<app::UserRecord> user(const std::string& id) override;
  std::optional<app::SpecialistProfileRecord> profile(const std::string& user_id) override;
  app::ports::DirectoryMatches search(const app::ports::DirectoryFilter& filter,
                                      const app::ports::DirectoryWindow& window) override;
  bool listed(const std::string& id) override;
  std::int64_t count(const app::ports::DirectoryFilter& filter) override;
  // Every commit moves it (the store's moves only with directory changes).
  std::int64_t directory_version() override { return commits_; }

  // FreeDays: this index is unsure of every listed specialist (the port
  // allows it), so "free on" and "next available" are always the slot
  // engine's answer, and "soonest first" is by name.
  std::vector<app::ports::FreeDayWork> due(std::int64_t, std::int64_t, int) override { return {}; }
  std::vector<app::ports::NextFree> next_free(const std::vector<std::string>& ids,
                                              std::int64_t) override {
    return std::vector<app::ports::NextFree>(ids.size());  // none known
  }
  bool store(const app::ports::FreeDayRefresh&) override { return true; }  // never read
  std::vector<std::string> unsure_on(const std::string& day, std::int64_t now) override;

  void bump(const std::string& specialist_id) { ++data_.schedule_versions[specialist_id]; }

  CatalogData data_;
  std::int64_t commits_ = 0;
  int reads_ = 0;
  int counts_ = 0;
};

class FakeSettledPayments final : public app::ports::SettledPayments {
 public:
  void add(const std::string& specialist_id, app::SettledPaymentRecord payment) {
    payments_.emplace_back(specialist_id, std::move(payment));
  }
  // Sums with the app's own rule (app::sum_by_month).
  std::vector<app::EarningsRow> monthly(const std::string& specialist_id, int fee_bps) override;

 private:
  std::vector<std::pair<std::string, app::SettledPaymentRecord>> payments_;
};

// One table of sealed tokens, shared by every "process" given it.
class FakeZoomTokens final : public app::ports::ZoomTokens {
 public:
  void put(const std::string& user_id, const app::SealedZoomTokens& tokens, std::int64_t) override {
    tokens_[user_id] = tokens;
  }
  std::optional<app::SealedZoomTokens> find(const std::string& user_id) override;
  bool exists(const std::string& user_id) override { return tokens_.contains(user_id); }
  void remove(const std::string& user_id) override { tokens_.erase(user_id); }

 private:
  std::map<std::string, app::SealedZoomTokens> tokens_;
};

// zoom.us's token endpoint as it behaves: every refresh answers a new pair
// and spends the refresh token it was given.
class SingleUseRefreshTokens final : public app::ZoomOAuth {
 public:
  app::OAuthTokens exchange_code(const std::string& code) override;
  app::OAuthTokens refresh(const std::string& refresh_token) override;
  std::function<void()> before_refresh;  // runs once, at the next refresh
  int refreshes = 0;

 private:
  app::OAuthTokens issue();
  std::set<std::string> valid_;
  int issued_ = 0;
};

}  // namespace confer::fakes
