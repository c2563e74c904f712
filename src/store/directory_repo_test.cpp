#include "store/directory_repo.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "store/service_repo.hpp"
#include "store/testing/seeded_engine_test.hpp"

namespace confer::store {
namespace {

constexpr int specialists = 1'234;  // past the old 1,000-candidate cut

struct Seeded {
  std::string id, name, headline;
  std::set<std::string> specialties, languages;
  std::vector<std::pair<std::string, std::int64_t>> prices;  // published (currency, amount)
};

std::set<std::string> tags(const std::string& json) {
  std::set<std::string> out;
  const auto parsed = boost::json::parse(json);
  for (const auto& v : parsed.as_array()) out.insert(std::string(v.as_string()));
  return out;
}

// The marketplace search on each engine against what the seeded rows say,
// past a thousand specialists.
class DirectorySearchTest : public testing::SeededEngineTest {
 protected:
  void SetUp() override {
    ScaleSeedOptions options;
    options.specialists = specialists;
    options.customers = 1;
    options.bookings = 0;
    options.busy = 0;
    if (!seed(options)) GTEST_SKIP() << GetParam() << " is not configured";
    read([&](Session& s) {
      for (const auto& r :
           s.query("SELECT u.id, u.name, p.headline, p.specialties, p.languages FROM users u"
                   " JOIN specialist_profiles p ON p.user_id = u.id"))
        listed_[r.text(0)] = {r.text(0),       r.text(1),       r.text(2),
                              tags(r.text(3)), tags(r.text(4)), {}};
      for (const auto& r : s.query("SELECT specialist_id, currency, price FROM services"
                                   " WHERE published = 1 AND deleted_at IS NULL"))
        listed_[r.text(0)].prices.emplace_back(r.text(1), r.integer(2));
    });
  }

  DirectoryMatches search(const DirectoryFilter& filter, const DirectoryWindow& window = {}) {
    DirectoryMatches matches;
    read([&](Session& s) { matches = search_specialists(s, filter, window); });
    return matches;
  }
  std::int64_t count(const DirectoryFilter& filter) {
    std::int64_t total = 0;
    read([&](Session& s) { total = count_specialists(s, filter); });
    return total;
  }
  std::int64_t version() {
    std::int64_t v = 0;
    read([&](Session& s) { v = directory_version(s); });
    return v;
  }
  std::int64_t count_if(const std::function<bool(const Seeded&)>& match) {
    return std::count_if(listed_.begin(), listed_.end(),
                         [&](const auto& entry) { return match(entry.second); });
  }

  std::map<std::string, Seeded> listed_;
};

TEST_P(DirectorySearchTest, TotalsAreExactAndTheKeysetWalksEveryMatchOnceInOrder) {
  auto first = search({}, {std::nullopt, 0, 100, std::nullopt});
  EXPECT_EQ(count({}), specialists);
  std::vector<std::pair<std::string, std::string>> walked;
  std::optional<std::string> after;
  for (auto page = first;; page = search({}, {after, 0, 100, std::nullopt})) {
    for (const auto& e : page.items) walked.emplace_back(e.user.name, e.user.id);
    if (!page.more) break;
    after = page.items.back().user.id;
  }
  ASSERT_EQ(walked.size(), static_cast<std::size_t>(specialists));
  EXPECT_TRUE(std::is_sorted(walked.begin(), walked.end()));
  EXPECT_EQ(std::set(walked.begin(), walked.end()).size(), walked.size());
  // A deep page by offset is the same as the keyset's.
  auto deep = search({}, {std::nullopt, 1'200, 20, std::nullopt});
  ASSERT_EQ(deep.items.size(), 20u);
  EXPECT_EQ(deep.items.front().user.id, walked[1'200].second);
  EXPECT_TRUE(deep.more);
  EXPECT_EQ(search({}, {std::nullopt, 1'220, 20, std::nullopt}).items.size(), 14u);
}

TEST_P(DirectorySearchTest, SpecialtyAndLanguageCountEveryTaggedSpecialistInAnyCase) {
  for (const std::string tag : {"career", "therapy", "coding"}) {
    DirectoryFilter filter;
    filter.specialty = tag == "therapy" ? "  Therapy " : tag;
    auto page = search(filter, {std::nullopt, 0, 50, std::nullopt});
    EXPECT_EQ(count(filter), count_if([&](const Seeded& s) { return s.specialties.contains(tag); }))
        << tag;
    for (const auto& e : page.items) EXPECT_TRUE(listed_[e.user.id].specialties.contains(tag));
  }
  DirectoryFilter both;
  both.specialty = "law";
  both.language = "de";
  EXPECT_EQ(count(both), count_if([](const Seeded& s) {
              return s.specialties.contains("law") && s.languages.contains("de");
            }));
}

TEST_P(DirectorySearchTest, TextMatchesTheStartOfWordsInNameHeadlineAndSpecialties) {
  DirectoryFilter filter;
  filter.text = "therap";
  EXPECT_EQ(count(filter), count_if([](const Seeded& s) {
              return s.specialties.contains("therapy") ||
                     s.headline.find("therapy") != std::string::npos;
            }));
  filter.text = "SPECIALIST 000777";
  auto one = search(filter);
  ASSERT_EQ(one.items.size(), 1u);
  EXPECT_FALSE(one.more);
  EXPECT_EQ(one.items.front().user.name, "Specialist 000777");
  filter.text = "pecialist";  // not the start of a word
  EXPECT_EQ(count(filter), 0);
  filter.text = "\"*)( - :";  // no words: no text filter, and no syntax error
  EXPECT_EQ(count(filter), specialists);
}

TEST_P(DirectorySearchTest, APriceRangeCountsOnlyServicesInItsCurrency) {
  for (const std::string currency : {"USD", "EUR", "GBP"}) {
    DirectoryFilter filter;
    filter.currency = currency;
    filter.min_price = 5'000;
    filter.max_price = 9'000;
    const auto total = count(filter);
    EXPECT_EQ(total, count_if([&](const Seeded& s) {
                return std::any_of(s.prices.begin(), s.prices.end(), [&](const auto& p) {
                  return p.first == currency && p.second >= 5'000 && p.second <= 9'000;
                });
              }))
        << currency;
    EXPECT_GT(total, 0);
    for (const auto& e : search(filter, {std::nullopt, 0, 100, std::nullopt}).items)
      EXPECT_TRUE(std::any_of(listed_[e.user.id].prices.begin(), listed_[e.user.id].prices.end(),
                              [&](const auto& p) { return p.first == currency; }));
  }
}

TEST_P(DirectorySearchTest, TheRowsFollowEveryChangeInTheSameTransaction) {
  const auto id = listed_.begin()->first;
  const auto before = version();
  write([&](Session& s) {
    UserRepo users(s);
    auto profile = *users.find_profile(id);
    profile.specialties_json = R"(["Stargazing"])";
    users.update_profile(profile);
    users.update_name_and_timezone(id, "Aaron First", "UTC", now);
    for (auto service : ServiceRepo(s).list_for_specialist(id, true)) {
      service.published = false;
      ServiceRepo(s).update(service);
    }
  });
  DirectoryFilter stars;
  stars.specialty = "stargazing";
  EXPECT_GT(version(), before);  // the app's cached totals no longer hold
  auto page = search(stars);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items.front().user.name, "Aaron First");
  EXPECT_FALSE(page.items.front().lowest_price);  // nothing published
  EXPECT_EQ(search({}, {std::nullopt, 0, 1, std::nullopt}).items.front().user.id,
            id);  // first by name
  stars.specialty.clear();
  stars.text = "stargaz";
  EXPECT_EQ(count(stars), 1);
  std::string email;
  read([&](Session& s) { email = UserRepo(s).find_by_id(id)->email; });
  grant_admin(*test_->database, email, now);
  EXPECT_EQ(count({}), specialists - 1);  // an admin is not listed
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectorySearchTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::store
