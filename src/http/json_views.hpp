#pragma once
// How records appear in API responses (camelCase, instants as ISO 8601 UTC).
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "store/user_repo.hpp"

namespace confer::http {

// Unix milliseconds → "2026-11-24T03:30:00Z".
std::string iso_utc(std::int64_t unix_ms);

boost::json::object user_json(const store::UserRecord& user);
boost::json::object auth_result_json(const app::AuthResult& result);
boost::json::object tokens_json(const app::IssuedTokens& tokens);
boost::json::object profile_json(const app::SpecialistProfile& profile);

}  // namespace confer::http
