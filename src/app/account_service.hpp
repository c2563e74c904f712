#pragma once
// The signed-in user's own account and, for specialists, their public
// profile; the admin's list of users.
#include <optional>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/ports/account_ports.hpp"
#include "app/ports/records.hpp"

namespace confer::app {

struct AccountChanges {
  std::optional<std::string> name;
  std::optional<std::string> timezone;              // already checked against the IANA database
  std::optional<std::optional<std::string>> phone;  // E.164, checked; null removes it
  std::optional<bool> sms_opt_in;
};

struct ProfileChanges {
  std::optional<std::string> headline;
  std::optional<std::string> bio;
  std::optional<std::vector<std::string>> specialties;
  std::optional<std::vector<std::string>> languages;
  std::optional<std::optional<std::string>> photo_url;  // set to null to remove
};

struct SpecialistProfile {
  UserRecord user;
  SpecialistProfileRecord profile;
};

class AccountService {
 public:
  AccountService(ports::AccountUnitOfWork& accounts, const Clock& clock)
      : accounts_(accounts), clock_(clock) {}

  UserRecord get(const std::string& user_id);
  UserRecord update(const std::string& user_id, const AccountChanges& changes);
  SpecialistProfile get_profile(const std::string& user_id);
  SpecialistProfile update_profile(const std::string& user_id, const ProfileChanges& changes);
  UserPage list_users(const std::string& role, const std::string& text, int page, int page_size);

 private:
  ports::AccountUnitOfWork& accounts_;
  const Clock& clock_;
};

}  // namespace confer::app
