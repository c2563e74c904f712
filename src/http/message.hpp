#pragma once
// The request and response that handlers see: a thin view over Beast's
// message with the router's path parameters and the authenticated caller.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/compression.hpp"

namespace confer::http {

namespace beast_http = boost::beast::http;
using RawRequest = beast_http::request<beast_http::string_body>;

// Who is calling, as proven by a valid access token.
struct Principal {
  std::string user_id;
  std::string role;  // "customer", "specialist" or "admin"
};

class Request {
 public:
  Request(const RawRequest& raw, std::string request_id, std::string client_ip);

  const RawRequest& raw() const { return raw_; }
  std::string_view method() const { return raw_.method_string(); }
  std::string_view path() const { return path_; }  // percent-decoded, without the query
  std::string_view header(std::string_view name) const;
  std::string_view body() const { return raw_.body(); }
  const std::string& request_id() const { return request_id_; }
  const std::string& client_ip() const { return client_ip_; }

  // The decoded value of a query parameter, if present.
  std::optional<std::string> query(std::string_view key) const;
  // A path parameter declared in the route pattern (":bookingId").
  const std::string& param(std::string_view name) const;
  void set_params(std::unordered_map<std::string, std::string> params) {
    params_ = std::move(params);
  }

  const std::optional<Principal>& principal() const { return principal_; }
  void set_principal(Principal principal) { principal_ = std::move(principal); }
  // The caller; only for routes that require sign-in (the router ensures it).
  const Principal& caller() const;

 private:
  const RawRequest& raw_;
  std::string path_;
  std::string request_id_;
  std::string client_ip_;
  std::unordered_map<std::string, std::string> params_;
  mutable std::optional<std::vector<std::pair<std::string, std::string>>> query_;
  std::optional<Principal> principal_;
};

// A body many answers share (a cached slot list), with each compressed form
// made once, when a client first asks for it.
class SharedBody {
 public:
  explicit SharedBody(std::string identity) : identity_(std::move(identity)) {}
  const std::string& identity() const { return identity_; }
  // The body in `coding`; safe to call from many threads at once.
  const std::string& encoded(ContentCoding coding) const;

 private:
  std::string identity_;
  mutable std::once_flag gzip_once_, br_once_;
  mutable std::string gzip_, br_;
};

struct Response {
  unsigned status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body shared with a cache, written without being copied (then `body`
  // is empty), in `shared_coding`.
  std::shared_ptr<const SharedBody> shared_body = nullptr;
  ContentCoding shared_coding = ContentCoding::identity;

  // The bytes that go out: `body`, or the shared body in its coding.
  std::string_view payload() const {
    return shared_body ? std::string_view(shared_body->encoded(shared_coding)) : body;
  }
  std::size_t body_size() const { return payload().size(); }

  static Response json(unsigned status, const boost::json::value& value);
  static Response no_content() { return Response{204, {}, {}, {}}; }
  static Response text(unsigned status, std::string content_type, std::string body) {
    return Response{status, std::move(content_type), std::move(body), {}};
  }
  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

}  // namespace confer::http
