#include "http/pipeline.hpp"

#include <algorithm>
#include <chrono>

#include "app/errors.hpp"
#include "http/problem.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::http {
namespace {

constexpr std::string_view app_csp =
    "default-src 'self'; script-src 'self' https://js.stripe.com; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; "
    "connect-src 'self' https://api.stripe.com; frame-src 'self' https://js.stripe.com "
    "https://hooks.stripe.com; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";
constexpr std::string_view api_csp = "default-src 'none'; frame-ancestors 'none'";

bool sane_request_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

std::string bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return {};
  auto token = authorization.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  return std::string(token);
}

// Every X-Forwarded-For line, in order, as one list: a proxy may add a line
// of its own instead of extending the client's.
std::string forwarded_for(const RawRequest& raw) {
  std::string joined;
  auto [first, last] = raw.equal_range("X-Forwarded-For");
  for (auto field = first; field != last; ++field) {
    if (!joined.empty()) joined += ',';
    joined += field->value();
  }
  return joined;
}

bool has_header(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(),
                     [&](const auto& header) { return header.first == name; });
}

bool has_header_value(const Response& response, std::string_view name, std::string_view value) {
  return std::any_of(response.headers.begin(), response.headers.end(), [&](const auto& header) {
    return header.first == name && header.second == value;
  });
}

// Text answers of 1 KB or more go out in the best coding the client accepts;
// the static files bring their own (precompressed at build time).
void compress_for_client(const Request& request, Response& response) {
  if (response.status < 200 || response.status == 204 || response.status == 304) return;
  if (has_header(response, "Content-Encoding")) return;
  if (!worth_compressing(response.content_type, response.body_size())) return;
  // Caches must keep one copy per coding, whichever this client gets.
  if (!has_header_value(response, "Vary", "Accept-Encoding"))
    response.with_header("Vary", "Accept-Encoding");
  const auto coding = preferred_coding(request.header("Accept-Encoding"));
  if (coding == ContentCoding::identity) return;
  if (response.shared_body)
    response.shared_coding = coding;
  else
    response.body = compress(response.body, coding);
  response.with_header("Content-Encoding", std::string(coding_name(coding)));
}

}  // namespace

Pipeline::Pipeline(const Router& router, PipelineOptions options, Authenticator authenticate)
    : router_(router),
      options_(std::move(options)),
      authenticate_(std::move(authenticate)),
      web_app_(options_.web_dir, "", true),
      docs_(options_.docs_dir, "/api/docs", false) {}

bool Pipeline::origin_allowed(std::string_view origin) const {
  return !origin.empty() &&
         std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(), origin) !=
             options_.allowed_origins.end();
}

Response Pipeline::handle(const RawRequest& raw, const std::string& peer_ip) const {
  const auto started = std::chrono::steady_clock::now();
  std::string request_id(raw["X-Request-Id"]);
  if (!sane_request_id(request_id))
    request_id = security::hex_encode(security::random_bytes_for_ids(8));
  // The client's own entries in X-Forwarded-For are whatever it likes, so
  // only what our proxies appended counts (see client_address.hpp).
  const bool via_proxy = options_.trust_proxy && options_.trusted_proxies.trusts(peer_ip);
  std::string client_ip =
      via_proxy ? client_address(peer_ip, forwarded_for(raw), options_.trusted_proxies) : peer_ip;
  Request request(raw, request_id, client_ip);

  Response response;
  try {
    auto path = request.path();
    if (path.starts_with("/api/docs/"))
      response = docs_.serve(request);
    else if (path == "/api" || path.starts_with("/api/"))
      response = dispatch_api(request);
    else
      response = web_app_.serve(request);
  } catch (...) {
    response = problem_for_current_exception();
  }
  add_common_headers(request, response, via_proxy);
  compress_for_client(request, response);

  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  boost::json::object fields{{"requestId", request_id},
                             {"method", std::string(request.method())},
                             {"path", std::string(request.path())},
                             {"status", response.status},
                             {"durationUs", elapsed.count()},
                             {"bytes", response.body_size()},
                             {"ip", client_ip}};
  if (request.principal()) fields["userId"] = request.principal()->user_id;
  log::write(response.status >= 500 ? log::Level::error : log::Level::info, "request", fields);
  return response;
}

Response Pipeline::preflight(const Request& request) const {
  auto match = router_.match("OPTIONS", request.path());
  std::vector<std::string> methods = match.allowed_methods;
  if (methods.empty()) return problem_response(app::Error::not_found("This API route"));
  std::string allow;
  for (const auto& method : methods) allow += method + ", ";
  allow += "OPTIONS";
  Response response = Response::no_content();
  response.with_header("Allow", allow);
  if (origin_allowed(request.header("Origin"))) {
    response.with_header("Access-Control-Allow-Methods", allow);
    response.with_header("Access-Control-Allow-Headers",
                         "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
    response.with_header("Access-Control-Max-Age", "600");
  }
  return response;
}

Response Pipeline::dispatch_api(Request& request) const {
  if (request.method() == "OPTIONS") return preflight(request);
  std::string_view method = request.method() == "HEAD" ? "GET" : request.method();
  auto match = router_.match(method, request.path());
  if (!match.route) {
    if (match.allowed_methods.empty())
      return problem_response(app::Error::not_found("This API route"));
    std::string allow;
    for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    return problem_response(
               app::Error(app::ErrorKind::method_not_allowed,
                          "This route does not answer " + std::string(request.method()) + "."))
        .with_header("Allow", allow);
  }
  request.set_params(std::move(match.params));

  // The caller is identified on every route that sees a token; routes that
  // require sign-in refuse without one, and the route's roles are checked.
  auto token = bearer_token(request.header("Authorization"));
  if (!token.empty()) {
    if (auto principal = authenticate_(token)) request.set_principal(std::move(*principal));
  }
  const auto& access = match.route->access;
  if (access.requires_sign_in()) {
    if (!request.principal())
      throw app::Error::unauthenticated(token.empty() ? "Sign in to continue."
                                                      : "The access token is not valid.");
    if (!access.allows(request.principal()->role)) throw app::Error::forbidden();
  }
  return match.route->handler(request);
}

void Pipeline::add_common_headers(const Request& request, Response& response,
                                  bool via_proxy) const {
  response.with_header("X-Request-Id", request.request_id());
  response.with_header("X-Content-Type-Options", "nosniff");
  response.with_header("Referrer-Policy", "strict-origin-when-cross-origin");
  const bool html = response.content_type.starts_with("text/html");
  response.with_header("Content-Security-Policy", std::string(html ? app_csp : api_csp));
  if (html) response.with_header("X-Frame-Options", "DENY");
  if (options_.strict_transport_security ||
      (via_proxy && request.header("X-Forwarded-Proto") == "https"))
    response.with_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (request.path().starts_with("/api/") && !has_header(response, "Cache-Control"))
    response.with_header("Cache-Control", "no-store");
  auto origin = request.header("Origin");
  if (origin_allowed(origin)) {
    response.with_header("Access-Control-Allow-Origin", std::string(origin));
    response.with_header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Location");
  }
  response.with_header("Vary", "Origin");
}

}  // namespace confer::http
