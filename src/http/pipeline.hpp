#pragma once
// Everything between the socket and a handler, in one place: request ids,
// CORS (exact origins only), routing (404/405), authentication and the role
// check declared on the route, error → problem+json, security headers, the
// web app's static files and one JSON access-log line per request.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/client_address.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace confer::http {

struct PipelineOptions {
  std::vector<std::string> allowed_origins;
  bool strict_transport_security = false;  // the public URL is https
  // Believe X-Forwarded-For and X-Forwarded-Proto, from trusted proxies only.
  bool trust_proxy = false;
  TrustedProxies trusted_proxies = TrustedProxies::loopback();
  std::string web_dir = "web/dist";
  std::string docs_dir = "build/api-docs";
};

// Turns a bearer token into the caller, or nothing when it is not valid.
using Authenticator = std::function<std::optional<Principal>(std::string_view token)>;

class Pipeline {
 public:
  Pipeline(const Router& router, PipelineOptions options, Authenticator authenticate);
  Response handle(const RawRequest& raw, const std::string& peer_ip) const;

 private:
  Response dispatch_api(Request& request) const;
  Response preflight(const Request& request) const;
  void add_common_headers(const Request& request, Response& response, bool via_proxy) const;
  bool origin_allowed(std::string_view origin) const;

  const Router& router_;
  PipelineOptions options_;
  Authenticator authenticate_;
  StaticFiles web_app_;
  StaticFiles docs_;
};

}  // namespace confer::http
