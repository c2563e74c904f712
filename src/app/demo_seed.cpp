#include "app/demo_seed.hpp"

#include <boost/json.hpp>

#include "app/errors.hpp"

namespace confer::app {
namespace {

struct DemoSpecialist {
  const char* email;
  const char* name;
  const char* timezone;
  const char* headline;
  const char* bio;
  std::vector<std::string> specialties;
  std::vector<std::string> languages;
  const char* availability;  // the API's JSON form
  std::vector<ServiceChanges> services;
};

ServiceChanges service(const char* title, const char* description, int minutes, std::int64_t price,
                       const char* currency) {
  ServiceChanges s;
  s.title = title;
  s.description = description;
  s.duration_minutes = minutes;
  s.price = price;
  s.currency = currency;
  return s;
}

}  // namespace

DemoSeedResult seed_demo(AuthService& auth, AccountService& accounts,
                         AvailabilityService& availability, ServiceCatalog& catalog,
                         const std::string& password) {
  const std::vector<DemoSpecialist> specialists{
      {"maya.chen@demo.confer.dev",
       "Maya Chen",
       "America/New_York",
       "Product strategy coach for first-time founders",
       "Ten years shipping B2B products. I help founders find the one thing worth building next.",
       {"product", "strategy", "startups"},
       {"en", "zh"},
       R"({"timezone":"America/New_York","workingHours":{
         "monday":{"intervals":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}]},
         "tuesday":{"intervals":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}]},
         "wednesday":{"intervals":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}]},
         "thursday":{"intervals":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}]},
         "friday":{"start":"09:00","end":"13:00"}},
         "minBookingNotice":12,"maxAdvanceBooking":60,"bufferTime":15,"slotDuration":[30,60]})",
       {service("Product strategy session", "Pick the next thing worth building.", 60, 15000,
                "USD"),
        service("Quick founder check-in", "Thirty focused minutes on one question.", 30, 6000,
                "USD")}},
      {"jonas.weber@demo.confer.dev",
       "Jonas Weber",
       "Europe/Berlin",
       "Senior engineer: system design and career growth",
       "Staff engineer at two scale-ups. Mock interviews, architecture reviews, promotion plans.",
       {"engineering", "career", "system design"},
       {"de", "en"},
       R"({"timezone":"Europe/Berlin","workingHours":{
         "monday":{"start":"17:00","end":"21:00"},"wednesday":{"start":"17:00","end":"21:00"}},
         "recurringRules":[{"rrule":"FREQ=WEEKLY;BYDAY=SA;INTERVAL=2","start":"2026-01-03T10:00",
                            "duration":180,"kind":"extra"}],
         "minBookingNotice":24,"maxAdvanceBooking":45,"bufferTime":0,"slotDuration":[60]})",
       {service("Mock system-design interview", "A realistic interview with written feedback.", 60,
                12000, "EUR")}},
      {"priya.nair@demo.confer.dev",
       "Priya Nair",
       "Asia/Kolkata",
       "Nutritionist for busy professionals",
       "Certified clinical nutritionist. Practical plans that fit a working week.",
       {"nutrition", "health"},
       {"en", "hi", "ml"},
       R"({"timezone":"Asia/Kolkata","workingHours":{
         "monday":{"start":"10:00","end":"18:00"},"tuesday":{"start":"10:00","end":"18:00"},
         "thursday":{"start":"10:00","end":"18:00"},"saturday":{"start":"09:00","end":"13:00"}},
         "breakTimes":[{"day":"monday","start":"13:00","end":"14:00"}],
         "minBookingNotice":4,"maxAdvanceBooking":30,"bufferTime":10,"slotDuration":[45]})",
       {service("Nutrition consultation", "A plan that fits your week.", 45, 250000, "INR")}},
  };
  DemoSeedResult result;
  auto create = [&](const std::string& email, const std::string& name, const std::string& role,
                    const std::string& timezone) -> std::optional<std::string> {
    try {
      auto account = auth.signup({email, password, name, role, timezone}, "seed");
      ++result.created;
      return account.user.id;
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::conflict) throw;
      ++result.existing;
      return std::nullopt;
    }
  };
  for (const auto& s : specialists) {
    auto id = create(s.email, s.name, "specialist", s.timezone);
    if (!id) continue;
    ProfileChanges changes;
    changes.headline = s.headline;
    changes.bio = s.bio;
    changes.specialties = s.specialties;
    changes.languages = s.languages;
    accounts.update_profile(*id, changes);
    auto rules = domain::parse_availability(boost::json::parse(s.availability));
    availability.create(*id, std::get<domain::AvailabilityRules>(rules));
    for (const auto& offer : s.services) catalog.create(*id, offer);
  }
  create("sam.customer@demo.confer.dev", "Sam Rivera", "customer", "Europe/London");
  return result;
}

}  // namespace confer::app
