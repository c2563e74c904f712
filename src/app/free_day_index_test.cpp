// The marketplace's "free on this date" against the slot engine, on both
// engines: random specialists (zones with DST and odd offsets, notice,
// horizon, buffers, several durations, bookings and unpaid holds), every day
// of their horizon, before the index is refreshed (the engine answers), after
// (the index answers), as time passes holds and the notice, and after
// bookings change.
#include "app/free_day_index.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <random>
#include <set>

#include "app/specialist_directory.hpp"
#include "app/testing/app_fixture.hpp"
#include "security/crypto.hpp"
#include "store/booking_repo.hpp"
#include "store/user_repo.hpp"

namespace confer::app {
namespace {

using testing::AppTest;

constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t hour_ms = 60 * minute_ms;

const char* const zones[] = {
    "America/New_York", "Europe/London",    "Australia/Lord_Howe", "Asia/Kathmandu",
    "Pacific/Chatham",  "America/St_Johns", "Pacific/Kiritimati",  "UTC"};

struct Specialist {
  std::string id;
  std::vector<std::string> services;
  int buffer = 0;
  bool fine_cut = false;  // horizon within a day of the notice: the engine decides
};

class FreeDayIndexTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    directory_ = std::make_unique<SpecialistDirectory>(*catalog_store_, *availability_, clock_);
    index_ = std::make_unique<FreeDayIndex>(*catalog_store_, clock_);
  }

  template <typename T>
  T pick(std::initializer_list<T> values) {
    auto at = std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(rng_);
    return *(values.begin() + static_cast<std::ptrdiff_t>(at));
  }
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

  // A listed specialist with random hours, notice, horizon and buffer.
  Specialist add_specialist(int n) {
    const std::string zone = zones[static_cast<std::size_t>(n) % std::size(zones)];
    Specialist s{sign_up("s" + std::to_string(n) + "@test.confer", "specialist", zone), {}, 0};
    boost::json::object hours;
    for (auto name : domain::weekday_names) {
      const int start = between(0, 28) * 30;
      const int end = std::min(start + between(2, 20) * 30, 23 * 60 + 30);
      hours[name] = {{"enabled", between(0, 9) < 7},
                     {"start", domain::format_hhmm(start)},
                     {"end", domain::format_hhmm(end)}};
    }
    s.buffer = pick({0, 0, 15, 30});
    const int notice = pick({0, 0, 2, 13, 30});
    const int horizon = pick({1, 2, 3, 9, 16});
    s.fine_cut = horizon * 24 - notice < 26;
    boost::json::object rules{{"timezone", zone},           {"workingHours", hours},
                              {"minBookingNotice", notice}, {"maxAdvanceBooking", horizon},
                              {"bufferTime", s.buffer},     {"slotDuration", {30, 45, 60, 90}}};
    availability_->create(s.id, std::get<domain::AvailabilityRules>(
                                    domain::parse_availability(boost::json::value(rules))));
    for (int k = between(1, 2); k > 0; --k) {
      ServiceChanges draft;
      draft.title = "Service";
      draft.duration_minutes = pick({30, 45, 60, 90});
      draft.price = 5000;
      draft.currency = "USD";
      draft.published = true;
      s.services.push_back(catalog_->create(s.id, draft).id);
    }
    return s;  // listed since sign-up
  }

  // Books a random free slot of one of the specialist's services: paid, or
  // an unpaid hold lapsing within the hour.
  void book_some(const Specialist& s, bool hold) {
    auto computed = availability_->slots(s.id, s.services[0], {}, false);
    const auto& slots = computed.services.front().slots;
    if (slots.empty()) return;
    const auto& slot = slots[std::uniform_int_distribution<std::size_t>(0, slots.size() - 1)(rng_)];
    domain::Booking b;
    b.id = security::new_uuid();
    b.specialist_id = s.id;
    b.customer_id = security::new_uuid();  // their own: one customer's bookings may not overlap
    b.service_id = s.services[0];
    b.slot_id = "slot-" + b.id;
    b.start_at = domain::to_unix_ms(slot.start);
    b.end_at = domain::to_unix_ms(slot.end);
    b.guard_start_at = b.start_at - s.buffer * minute_ms / 2;
    b.guard_end_at = b.end_at + s.buffer * minute_ms / 2;
    b.status = hold ? domain::BookingStatus::pending : domain::BookingStatus::confirmed;
    if (hold) b.hold_expires_at = clock_.now_ms() + between(1, 50) * minute_ms;
    b.price = {5000, "USD"};
    b.created_at = b.updated_at = clock_.now_ms();
    db().transaction(store::TxMode::write, [&](store::Session& session) {
      UserRecord customer;
      customer.id = b.customer_id;
      customer.email = b.customer_id + "@test.confer";
      customer.name = "Customer";
      customer.role = "customer";
      customer.timezone = "UTC";
      store::UserRepo(session).insert(customer);
      store::BookingRepo(session).insert(b);
    });
    bookings_.push_back(b);
  }

  std::set<std::string> engine_says_free(domain::LocalDay day) {
    std::set<std::string> free;
    for (const auto& s : specialists_) {
      auto computed = availability_->slots(s.id, std::nullopt, {day, day, std::nullopt}, false);
      for (const auto& service : computed.services)
        if (!service.slots.empty()) free.insert(s.id);
    }
    return free;
  }

  std::set<std::string> marketplace_says_free(domain::LocalDay day) {
    DirectoryQuery query;
    query.available_on = day;
    query.page_size = 100;
    auto page = directory_->search(query);
    std::set<std::string> free;
    for (const auto& entry : page.items) free.insert(entry.user.id);
    EXPECT_EQ(page.total, static_cast<std::int64_t>(free.size()));
    return free;
  }

  // Every day from yesterday (UTC) to past the longest horizon, in every zone.
  void expect_marketplace_matches_engine(const std::string& when) {
    const auto today = date::floor<date::days>(domain::from_unix_ms(clock_.now_ms()));
    int free_days = 0;
    for (auto day = today - date::days{2}; day <= today + date::days{18}; day += date::days{1}) {
      const domain::LocalDay local{day.time_since_epoch()};
      const auto expected = engine_says_free(local);
      free_days += static_cast<int>(expected.size());
      EXPECT_EQ(marketplace_says_free(local), expected)
          << when << ", " << domain::format_local_date(local);
    }
    EXPECT_GT(free_days, 0) << when;  // the test looked at something
  }

  // Each card's next bookable slot is the engine's first; soonest first
  // orders by it when the index knows every one (`ordered`).
  void expect_next_available_matches_engine(const std::string& when, bool ordered) {
    const auto utc_today = date::floor<date::days>(domain::from_unix_ms(clock_.now_ms()));
    const domain::LocalDay from{(utc_today - date::days{1}).time_since_epoch()};
    std::map<std::string, std::optional<std::int64_t>> expected;
    for (const auto& s : specialists_) {
      auto& next = expected[s.id];
      auto computed =
          availability_->slots(s.id, std::nullopt, {from, from + date::days{60}, {}}, false);
      for (const auto& service : computed.services)
        if (!service.slots.empty())
          next = std::min(next.value_or(INT64_MAX), domain::to_unix_ms(service.slots[0].start));
    }
    DirectoryQuery query;
    query.order = DirectoryOrder::soonest;
    query.page_size = 100;
    std::map<std::string, std::optional<std::int64_t>> shown;
    std::vector<std::optional<std::int64_t>> in_order;
    for (const auto& entry : directory_->search(query).items) {
      shown[entry.user.id] = entry.next_available_at;
      in_order.push_back(entry.next_available_at);
    }
    EXPECT_EQ(shown, expected) << when;
    if (!ordered) return;
    auto none_last = [](const auto& a, const auto& b) { return a && (!b || *a < *b); };
    EXPECT_TRUE(std::is_sorted(in_order.begin(), in_order.end(), none_last)) << when;
  }

  // The specialists the index is unsure of today, but for those whose rules
  // always leave it to the engine.
  std::vector<std::string> unsure_today() {
    std::vector<std::string> unsure;
    catalog_store_->read([&](ports::CatalogTransaction& transaction) {
      unsure = transaction.free_days().unsure_on(
          domain::format_local_date(domain::LocalDay{
              date::floor<date::days>(domain::from_unix_ms(clock_.now_ms())).time_since_epoch()}),
          clock_.now_ms());
    });
    std::erase_if(unsure, [&](const std::string& id) {
      return std::any_of(specialists_.begin(), specialists_.end(),
                         [&](const Specialist& s) { return s.id == id && s.fine_cut; });
    });
    return unsure;
  }

  std::mt19937 rng_{20261202};
  std::vector<Specialist> specialists_;
  std::vector<domain::Booking> bookings_;
  std::unique_ptr<SpecialistDirectory> directory_;
  std::unique_ptr<FreeDayIndex> index_;
};

TEST_P(FreeDayIndexTest, FreeOnADateIsWhatTheSlotEngineSaysAsTimeAndBookingsMove) {
  if (IsSkipped()) return;
  for (int n = 0; n < 16; ++n) specialists_.push_back(add_specialist(n));
  for (const auto& s : specialists_)
    for (int k = between(0, 4); k > 0; --k) book_some(s, between(0, 2) == 0);
  // A customer changing their zone moves a schedule version too: the mark
  // it leaves names no specialist and must not trouble the marketplace.
  const auto customer = sign_up("zone-changer@test.confer", "customer");
  db().transaction(store::TxMode::write, [&](store::Session& session) {
    session.execute("UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = $1", {customer});
  });
  expect_marketplace_matches_engine("before the index is computed");
  expect_next_available_matches_engine("before the index is computed", false);
  EXPECT_FALSE(unsure_today().empty());

  index_->refresh_all();
  EXPECT_TRUE(unsure_today().empty()) << "the index answers by itself";
  expect_marketplace_matches_engine("from the index");
  expect_next_available_matches_engine("from the index", true);

  // Holds lapse and notices move past slots with no write at all; the
  // refresh a moment later keeps the order.
  for (std::int64_t step : {17 * minute_ms, 45 * minute_ms, 5 * hour_ms, 19 * hour_ms}) {
    clock_.advance_ms(step);
    const auto when = "later by " + std::to_string(step / minute_ms) + " min";
    expect_marketplace_matches_engine(when);
    expect_next_available_matches_engine(when, false);
    index_->refresh_some(100);
    expect_next_available_matches_engine(when + ", refreshed", true);
  }

  // New bookings and a cancellation: right before the refresh and after it.
  for (std::size_t i = 0; i < specialists_.size(); i += 3) book_some(specialists_[i], false);
  auto cancelled = bookings_.front();
  cancelled.status = domain::BookingStatus::cancelled;
  cancelled.hold_expires_at.reset();
  db().transaction(store::TxMode::write,
                   [&](store::Session& session) { store::BookingRepo(session).update(cancelled); });
  expect_marketplace_matches_engine("after new bookings");
  index_->refresh_all();
  EXPECT_TRUE(unsure_today().empty());
  expect_marketplace_matches_engine("after new bookings, refreshed");
  expect_next_available_matches_engine("after new bookings, refreshed", true);
}

CONFER_ON_EVERY_ENGINE(FreeDayIndexTest);

}  // namespace
}  // namespace confer::app
