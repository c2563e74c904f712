#pragma once
// A small blocking HTTP client over libcurl for calls to vendors (SendGrid,
// Twilio): one request, a whole response, bounded by timeouts. It never logs
// and never puts the URL's credentials or a header value in an error message.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace confer::integrations {

struct HttpRequest {
  std::string method = "POST";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // name, value
  std::string body;
  std::string basic_user;  // HTTP Basic when not empty
  std::string basic_password;
  long connect_timeout_seconds = 10;
  long timeout_seconds = 30;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // as received, names lower-cased
  // The first value of a header (case-insensitive name), or empty.
  std::string header(std::string_view name) const;
};

class HttpClient {
 public:
  // Throws std::runtime_error when no response arrives (DNS, connect, TLS,
  // timeout). Any HTTP status is a response; the caller decides.
  HttpResponse send(const HttpRequest& request) const;
};

// libcurl's process-wide set-up; called once before threads start (main), and
// again harmlessly by every client.
void init_curl();

// application/x-www-form-urlencoded: name=value&… with RFC 3986 escaping.
std::string form_urlencode(const std::vector<std::pair<std::string, std::string>>& fields);

// "scheme://host:port" of a URL, without user, password, path or query: safe to log.
std::string redact_url(std::string_view url);

}  // namespace confer::integrations
