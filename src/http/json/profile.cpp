#include "http/json/profile.hpp"

#include <boost/json/parse.hpp>

#include "http/json/money.hpp"
#include "http/json/nullable.hpp"

namespace confer::http::json {
namespace {

// The fields both views share, the account's id under `id_key`.
boost::json::object profile_fields(std::string_view id_key, const app::UserRecord& user,
                                   const app::SpecialistProfileRecord& profile) {
  return {{id_key, user.id},
          {"name", user.name},
          {"headline", profile.headline},
          {"bio", profile.bio},
          {"specialties", boost::json::parse(profile.specialties_json)},
          {"languages", boost::json::parse(profile.languages_json)},
          {"timezone", user.timezone}};
}

}  // namespace

boost::json::object own_profile(const app::SpecialistProfile& p) {
  auto json = profile_fields("userId", p.user, p.profile);
  json["photoUrl"] = or_null(p.profile.photo_url);
  return json;
}

boost::json::object public_profile(const app::ports::DirectoryEntry& e) {
  auto json = profile_fields("id", e.user, e.profile);
  json["serviceCount"] = e.service_count;
  json["photoUrl"] = or_null(e.profile.photo_url);
  json["priceFrom"] = e.lowest_price
                          ? boost::json::value(money(*e.lowest_price, e.lowest_price_currency))
                          : boost::json::value(nullptr);
  return json;
}

}  // namespace confer::http::json
