#include "app/account_service.hpp"

#include <boost/json.hpp>

#include "app/errors.hpp"

namespace confer::app {
namespace {

std::string to_json_list(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return boost::json::serialize(array);
}

}  // namespace

store::UserRecord AccountService::get(const std::string& user_id) {
  std::optional<store::UserRecord> user;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    user = store::UserRepo(session).find_by_id(user_id);
  });
  if (!user) throw Error::not_found("The account");
  return *user;
}

store::UserRecord AccountService::update(const std::string& user_id,
                                         const AccountChanges& changes) {
  std::optional<store::UserRecord> user;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::UserRepo users(session);
    user = users.find_by_id(user_id);
    if (!user) return;
    if (changes.name) user->name = *changes.name;
    if (changes.timezone) user->timezone = *changes.timezone;
    if (changes.phone) user->phone = *changes.phone;
    if (changes.sms_opt_in) user->sms_opt_in = *changes.sms_opt_in;
    if (user->sms_opt_in && !user->phone)
      throw Error::invalid_field("smsOptIn", "needs a phone number to send reminders to");
    user->updated_at = clock_.now_ms();
    users.update_account(*user);
  });
  if (!user) throw Error::not_found("The account");
  return *user;
}

SpecialistProfile AccountService::get_profile(const std::string& user_id) {
  std::optional<SpecialistProfile> result;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    store::UserRepo users(session);
    auto user = users.find_by_id(user_id);
    auto profile = users.find_profile(user_id);
    if (user && profile) result = SpecialistProfile{*user, *profile};
  });
  if (!result) throw Error::not_found("The specialist profile");
  return *result;
}

SpecialistProfile AccountService::update_profile(const std::string& user_id,
                                                 const ProfileChanges& changes) {
  std::optional<SpecialistProfile> result;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::UserRepo users(session);
    auto user = users.find_by_id(user_id);
    auto profile = users.find_profile(user_id);
    if (!user || !profile) return;
    if (changes.headline) profile->headline = *changes.headline;
    if (changes.bio) profile->bio = *changes.bio;
    if (changes.specialties) profile->specialties_json = to_json_list(*changes.specialties);
    if (changes.languages) profile->languages_json = to_json_list(*changes.languages);
    if (changes.photo_url) profile->photo_url = *changes.photo_url;
    profile->updated_at = clock_.now_ms();
    users.update_profile(*profile);
    result = SpecialistProfile{*user, *profile};
  });
  if (!result) throw Error::not_found("The specialist profile");
  return *result;
}

store::UserPage AccountService::list_users(const std::string& role, const std::string& text,
                                           int page, int page_size) {
  store::UserPage result;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    result = store::UserRepo(session).list(role, text, (page - 1) * page_size, page_size);
  });
  return result;
}

}  // namespace confer::app
