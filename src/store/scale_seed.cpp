#include "store/scale_seed.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <optional>
#include <random>
#include <unordered_set>

#include "domain/availability.hpp"
#include "domain/booking.hpp"
#include "domain/money.hpp"
#include "domain/slot_engine.hpp"
#include "domain/slot_id.hpp"
#include "security/crypto.hpp"
#include "store/availability_repo.hpp"
#include "store/booking_repo.hpp"
#include "store/payment_repo.hpp"
#include "store/service_repo.hpp"
#include "store/user_repo.hpp"

namespace confer::store {
namespace {

constexpr std::int64_t hour_ms = 3'600'000;
constexpr std::int64_t day_ms = 24 * hour_ms;
// Zones a whole number of hours from UTC all year: every slot of a 60-minute
// grid starts on a whole UTC hour, so one booking per customer per hour
// keeps a customer's bookings apart.
constexpr std::array<const char*, 7> zones{
    "UTC",        "Europe/London",   "Europe/Berlin", "America/New_York", "America/Los_Angeles",
    "Asia/Tokyo", "Australia/Sydney"};
constexpr std::array<const char*, 10> specialties{"career", "therapy",  "fitness",   "nutrition",
                                                  "law",    "finance",  "marketing", "design",
                                                  "coding", "languages"};
constexpr std::array<const char*, 7> languages{"en", "es", "de", "fr", "pt", "ja", "it"};
constexpr std::array<const char*, 3> currencies{"USD", "EUR", "GBP"};

struct Specialist {
  std::string id;
  std::string zone;
  bool busy = false;
  std::vector<ServiceRecord> services;  // the first is 60 minutes: the one booked
  std::int64_t bookings = 0;            // how many to write
};

std::string numbered(const char* prefix, int n) {
  auto digits = std::to_string(n);
  return prefix + std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

// Weekdays 09–17 for most; every day 06–22 for the busy ones.
std::string rules_json(const std::string& zone, bool busy) {
  boost::json::object hours;
  for (std::size_t day = 0; day < domain::weekday_names.size(); ++day) {
    const bool open = busy || day < 5;
    boost::json::object entry{{"enabled", open}};
    if (open) {
      entry["start"] = busy ? "06:00" : "09:00";
      entry["end"] = busy ? "22:00" : "17:00";
    }
    hours[domain::weekday_names[day]] = std::move(entry);
  }
  return boost::json::serialize(boost::json::object{{"timezone", zone},
                                                    {"workingHours", std::move(hours)},
                                                    {"maxAdvanceBooking", 730},
                                                    {"slotDuration", {30, 60, 90}}});
}

UserRecord user(const std::string& id, const std::string& name, const std::string& email,
                const std::string& role, const std::string& zone, const ScaleSeedOptions& options,
                std::int64_t now) {
  UserRecord u;
  u.id = id;
  u.email = email;
  u.password_hash = options.password_hash;
  u.name = name;
  u.role = role;
  u.timezone = zone;
  u.created_at = u.updated_at = now - 400 * day_ms;
  return u;
}

std::string pick_json(std::mt19937_64& rng, const auto& from, int count) {
  boost::json::array picked;
  std::vector<std::size_t> order(from.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  for (int i = 0; i < count; ++i) picked.push_back(boost::json::string(from[order[i]]));
  return boost::json::serialize(picked);
}

// The specialist's account, profile, rules and 1–3 published services.
Specialist write_specialist(Session& session, int n, bool busy, const ScaleSeedOptions& options,
                            std::mt19937_64& rng, std::int64_t now) {
  Specialist s;
  s.id = security::new_uuid();
  s.zone = zones[static_cast<std::size_t>(n) % zones.size()];
  s.busy = busy;
  UserRepo users(session);
  const auto name = numbered("Specialist ", n);
  users.insert(user(s.id, name, numbered("specialist-", n) + "@scale.confer.test", "specialist",
                    s.zone, options, now));
  SpecialistProfileRecord profile;
  profile.user_id = s.id;
  profile.headline = name + ", " + specialties[static_cast<std::size_t>(n) % specialties.size()];
  profile.bio = "Seeded for scale tests.";
  profile.specialties_json = pick_json(rng, specialties, 1 + static_cast<int>(rng() % 3));
  profile.languages_json = pick_json(rng, languages, 1 + static_cast<int>(rng() % 2));
  profile.created_at = profile.updated_at = now - 400 * day_ms;
  users.insert_profile(profile);
  AvailabilityRepo(session).insert({security::new_uuid(), s.id, s.zone, rules_json(s.zone, busy),
                                    now - 400 * day_ms, now - 400 * day_ms});
  const int services = 1 + static_cast<int>(rng() % 3);
  const std::array<int, 3> durations{60, 30, 90};
  const auto currency = currencies[static_cast<std::size_t>(n) % currencies.size()];
  for (int i = 0; i < services; ++i) {
    ServiceRecord service;
    service.id = security::new_uuid();
    service.specialist_id = s.id;
    service.title = numbered("Session ", n) + " (" + std::to_string(durations[i]) + " min)";
    service.description = "A seeded service.";
    service.duration_minutes = durations[static_cast<std::size_t>(i)];
    service.price = 2'000 + static_cast<std::int64_t>(rng() % 180) * 100;
    service.currency = currency;
    service.published = true;
    service.created_at = service.updated_at = now - 400 * day_ms;
    ServiceRepo(session).insert(service);
    s.services.push_back(std::move(service));
  }
  return s;
}

// Bookings past and future; most went through, some were cancelled, a few
// customers did not show.
void settle(domain::Booking& b, std::mt19937_64& rng, std::int64_t now) {
  const auto roll = rng() % 100;
  const bool past = b.end_at <= now;
  b.confirmed_at = b.created_at;
  b.payment_status = domain::PaymentStatus::completed;
  if ((past && roll >= 85 && roll < 95) || (!past && roll >= 95)) {
    b.status = domain::BookingStatus::cancelled;
    b.cancelled_by = domain::CancelledBy::customer;
    b.cancelled_at = std::min(now, b.start_at - 48 * hour_ms);
    b.cancellation_reason = "Plans changed";
    b.payment_status = domain::PaymentStatus::refunded;
    b.refund_amount = b.price.amount;
    return;
  }
  b.meeting_provider = "jitsi";
  b.meeting_url = "https://meet.jit.si/confer-" + b.id;
  if (!past) {
    b.status = domain::BookingStatus::confirmed;
  } else if (roll >= 95) {
    b.status = domain::BookingStatus::no_show;
  } else {
    b.status = domain::BookingStatus::completed;
    b.session_started_at = b.start_at;
    b.session_ended_at = b.end_at;
  }
}

PaymentRecord payment_for(const domain::Booking& b, int n) {
  PaymentRecord p;
  p.id = security::new_uuid();
  p.booking_id = b.id;
  p.specialist_id = b.specialist_id;
  p.customer_id = b.customer_id;
  p.amount = b.price.amount;
  p.currency = b.price.currency;
  const auto split = domain::split_platform_fee(p.amount, 2000);
  p.platform_fee = split.platform_fee;
  p.specialist_payout = split.specialist_payout;
  p.provider = "sandbox";
  p.provider_payment_id = "pi_scale_" + std::to_string(n);
  p.client_secret = p.provider_payment_id + "_secret";
  p.status = b.refund_amount > 0 ? "refunded" : "succeeded";
  p.refunded_amount = b.refund_amount;
  p.created_at = b.created_at;
  p.attempted_at = p.succeeded_at = b.created_at;
  p.updated_at = b.updated_at;
  return p;
}

// The 60-minute slots the specialist's rules offer over the seeded range.
std::vector<domain::Slot> offered_slots(const std::string& rules_text, std::int64_t from,
                                        std::int64_t to) {
  auto parsed = domain::parse_availability(boost::json::parse(rules_text));
  const auto& rules = std::get<domain::AvailabilityRules>(parsed);
  const auto* zone = domain::find_zone(rules.timezone);
  const auto first = date::floor<date::days>(domain::from_unix_ms(from));
  const auto last = date::floor<date::days>(domain::from_unix_ms(to));
  // "Now" a day before the range, so that past slots are offered too.
  domain::SlotQuery query{domain::LocalDay{first.time_since_epoch()},
                          domain::LocalDay{last.time_since_epoch()}, 60,
                          domain::from_unix_ms(from - day_ms), true};
  return domain::compute_slots(rules, zone, query, {}, {});
}

// A year back, or further for a specialist with more bookings than a year
// and 90 days of their hours hold (a busy one is open 16 hours a day; 12 a day
// leaves room): bench/scale.sh's growth curve books 50,000 for one.
std::int64_t history_days(std::int64_t bookings) {
  return std::max<std::int64_t>(365, bookings / 12 - 90);
}

// Writes the bookings (and their payments) in batched transactions, keeping
// each customer to one booking per UTC hour.
class BookingWriter {
 public:
  BookingWriter(Database& database, const ScaleSeedOptions& options, std::int64_t now,
                const std::vector<std::string>& customers,
                const std::function<void(std::int64_t)>& progress, ScaleSeedResult& result)
      : database_(database),
        options_(options),
        now_(now),
        customers_(customers),
        progress_(progress),
        result_(result),
        rng_(options.seed + 1) {}

  void write(const Specialist& s, std::size_t index) {
    if (s.bookings == 0 || customers_.empty()) return;
    const auto slots = offered_slots(rules_json(s.zone, s.busy),
                                     now_ - history_days(s.bookings) * day_ms, now_ + 90 * day_ms);
    const auto count = static_cast<std::int64_t>(slots.size());
    const auto want = std::min<std::int64_t>(s.bookings, count);
    for (std::int64_t k = 0; k < want; ++k) {
      const auto& slot = slots[static_cast<std::size_t>(k * count / want)];
      if (auto customer = free_customer(index, domain::to_unix_ms(slot.start)))
        add(booking(s, slot, *customer));
    }
  }

  void finish() {
    if (!batch_.empty()) flush();
  }

 private:
  // A customer with no booking in the slot's hour, spread over all of them.
  std::optional<std::string> free_customer(std::size_t specialist, std::int64_t start) {
    const auto hour = static_cast<std::uint64_t>(start / hour_ms);
    auto c = (specialist * 7919 + hour * 104'729) % customers_.size();
    for (std::size_t tries = 0; tries < customers_.size(); ++tries, c = (c + 1) % customers_.size())
      if (taken_.insert((std::uint64_t{c} << 32) | hour).second) return customers_[c];
    return std::nullopt;
  }

  domain::Booking booking(const Specialist& s, const domain::Slot& slot,
                          const std::string& customer) {
    const auto& service = s.services.front();
    domain::Booking b;
    b.id = security::new_uuid();
    b.specialist_id = s.id;
    b.customer_id = customer;
    b.service_id = service.id;
    b.slot_id = domain::slot_id(service.id, slot.start);
    b.start_at = b.guard_start_at = domain::to_unix_ms(slot.start);
    b.end_at = b.guard_end_at = domain::to_unix_ms(slot.end);
    b.price = {service.price, service.currency};
    b.created_at = std::min(now_, b.start_at - static_cast<std::int64_t>(1 + rng_() % 30) * day_ms);
    b.updated_at = std::min(now_, std::max(b.created_at, b.end_at));
    settle(b, rng_, now_);
    return b;
  }

  void add(domain::Booking b) {
    auto payment = payment_for(b, static_cast<int>(++written_));
    batch_.emplace_back(std::move(b), std::move(payment));
    if (static_cast<int>(batch_.size()) >= options_.batch) flush();
  }

  void flush() {
    database_.transaction(TxMode::write, [&](Session& session) {
      BookingRepo bookings(session);
      PaymentRepo payments(session);
      for (const auto& [booking, payment] : batch_) {
        bookings.insert(booking);
        payments.insert(payment);
      }
    });
    result_.bookings += static_cast<std::int64_t>(batch_.size());
    result_.payments += static_cast<std::int64_t>(batch_.size());
    batch_.clear();
    if (progress_) progress_(result_.bookings);
  }

  Database& database_;
  const ScaleSeedOptions& options_;
  std::int64_t now_;
  const std::vector<std::string>& customers_;
  const std::function<void(std::int64_t)>& progress_;
  ScaleSeedResult& result_;
  std::mt19937_64 rng_;
  std::unordered_set<std::uint64_t> taken_;  // (customer, UTC hour)
  std::vector<std::pair<domain::Booking, PaymentRecord>> batch_;
  std::int64_t written_ = 0;
};

std::vector<std::string> write_customers(Database& database, const ScaleSeedOptions& options,
                                         std::int64_t now) {
  std::vector<std::string> customers;
  database.transaction(TxMode::write, [&](Session& session) {
    for (int n = 1; n <= options.customers; ++n) {
      customers.push_back(security::new_uuid());
      UserRepo(session).insert(user(customers.back(), numbered("Customer ", n),
                                    numbered("customer-", n) + "@scale.confer.test", "customer",
                                    zones[static_cast<std::size_t>(n) % zones.size()], options,
                                    now));
    }
  });
  return customers;
}

// The busy specialists take busy_bookings each; the rest share what is left.
void plan_bookings(std::vector<Specialist>& specialists, std::int64_t total) {
  std::int64_t quiet = 0;
  for (auto& s : specialists) {
    if (s.busy)
      total -= (s.bookings = std::min(s.bookings, total));
    else
      ++quiet;
  }
  if (quiet == 0) return;
  std::int64_t i = 0;
  for (auto& s : specialists)
    if (!s.busy) s.bookings = total / quiet + (i++ < total % quiet ? 1 : 0);
}

}  // namespace

ScaleSeedResult seed_scale(Database& database, const ScaleSeedOptions& options, std::int64_t now,
                           const std::function<void(std::int64_t)>& progress) {
  ScaleSeedResult result;
  const auto customers = write_customers(database, options, now);
  result.customers = static_cast<int>(customers.size());
  std::mt19937_64 rng(options.seed);
  std::vector<Specialist> specialists;
  database.transaction(TxMode::write, [&](Session& session) {
    for (int n = 1; n <= options.specialists; ++n)
      specialists.push_back(write_specialist(session, n, n <= options.busy, options, rng, now));
  });
  for (auto& s : specialists) {
    result.services += static_cast<int>(s.services.size());
    if (s.busy) s.bookings = options.busy_bookings;
  }
  result.specialists = static_cast<int>(specialists.size());
  plan_bookings(specialists, options.bookings);
  BookingWriter writer(database, options, now, customers, progress, result);
  for (std::size_t i = 0; i < specialists.size(); ++i) writer.write(specialists[i], i);
  writer.finish();
  // One mark per specialist instead of one per booking written: the index of
  // free days computes each of them once (the caller refreshes it).
  database.transaction(TxMode::write, [&](Session& session) {
    session.execute("DELETE FROM free_day_marks");
    session.execute(
        "INSERT INTO free_day_marks (specialist_id) SELECT specialist_id FROM directory_entries");
  });
  return result;
}

}  // namespace confer::store
