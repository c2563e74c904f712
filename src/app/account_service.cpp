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

UserRecord AccountService::get(const std::string& user_id) {
  std::optional<UserRecord> user;
  accounts_.read([&](ports::AccountTransaction& tx) { user = tx.users().find_by_id(user_id); });
  if (!user) throw Error::not_found("The account");
  return *user;
}

UserRecord AccountService::update(const std::string& user_id, const AccountChanges& changes) {
  std::optional<UserRecord> user;
  accounts_.write([&](ports::AccountTransaction& tx) {
    auto& users = tx.users();
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
  accounts_.read([&](ports::AccountTransaction& tx) {
    auto& users = tx.users();
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
  accounts_.write([&](ports::AccountTransaction& tx) {
    auto& users = tx.users();
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

UserPage AccountService::list_users(const std::string& role, const std::string& text, int page,
                                    int page_size) {
  UserPage result;
  accounts_.read([&](ports::AccountTransaction& tx) {
    result = tx.users().list(role, text, (page - 1) * page_size, page_size);
  });
  return result;
}

}  // namespace confer::app
