#include "app/demo_seed.hpp"

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
};

}  // namespace

DemoSeedResult seed_demo(AuthService& auth, AccountService& accounts,
                         const std::string& password) {
  const std::vector<DemoSpecialist> specialists{
      {"maya.chen@demo.confer.dev", "Maya Chen", "America/New_York",
       "Product strategy coach for first-time founders",
       "Ten years shipping B2B products. I help founders find the one thing worth building next.",
       {"product", "strategy", "startups"}, {"en", "zh"}},
      {"jonas.weber@demo.confer.dev", "Jonas Weber", "Europe/Berlin",
       "Senior engineer: system design and career growth",
       "Staff engineer at two scale-ups. Mock interviews, architecture reviews, promotion plans.",
       {"engineering", "career", "system design"}, {"de", "en"}},
      {"priya.nair@demo.confer.dev", "Priya Nair", "Asia/Kolkata",
       "Nutritionist for busy professionals",
       "Certified clinical nutritionist. Practical plans that fit a working week.",
       {"nutrition", "health"}, {"en", "hi", "ml"}},
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
  }
  create("sam.customer@demo.confer.dev", "Sam Rivera", "customer", "Europe/London");
  return result;
}

}  // namespace confer::app
