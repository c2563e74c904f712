// libFuzzer target: arbitrary bytes as a request body through JSON parsing and
// every account request reader, and as an Accept-Encoding field. Anything but
// app::Error escaping is a bug, and so is any sanitizer report.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/errors.hpp"
#include "http/account_requests.hpp"
#include "http/compression.hpp"
#include "http/json_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace confer;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // Never throws (nothing is caught here), whatever the field holds.
  static_cast<void>(http::preferred_coding(text));
  boost::json::value value;
  try {
    value = http::parse_json_text(text);
  } catch (const app::Error&) {
    return 0;
  }
  if (!value.is_object()) return 0;
  const auto& body = value.as_object();
  auto attempt = [](auto&& read) {
    try {
      read();
    } catch (const app::Error&) {
    }
  };
  attempt([&] { http::read_signup(body); });
  attempt([&] { http::read_login(body); });
  attempt([&] { http::read_account_changes(body); });
  attempt([&] { http::read_profile_changes(body); });
  attempt([&] { http::read_password_reset(body); });
  attempt([&] { http::read_required_token(body, "refreshToken"); });
  return 0;
}
