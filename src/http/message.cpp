#include "http/message.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include "app/errors.hpp"

namespace confer::http {

Request::Request(const RawRequest& raw, std::string request_id, std::string client_ip)
    : raw_(raw), request_id_(std::move(request_id)), client_ip_(std::move(client_ip)) {
  std::string_view target = raw_.target();
  auto parsed = boost::urls::parse_origin_form(target);
  if (parsed) {
    path_ = parsed->path();  // decoded
  } else {
    path_ = std::string(target.substr(0, target.find('?')));
  }
}

const std::string& SharedBody::encoded(ContentCoding coding) const {
  switch (coding) {
    case ContentCoding::gzip:
      std::call_once(gzip_once_, [this] { gzip_ = compress(identity_, ContentCoding::gzip); });
      return gzip_;
    case ContentCoding::br:
      std::call_once(br_once_, [this] { br_ = compress(identity_, ContentCoding::br); });
      return br_;
    case ContentCoding::identity:
      break;
  }
  return identity_;
}

std::string_view Request::header(std::string_view name) const {
  auto found = raw_.find(name);
  if (found == raw_.end()) return {};
  return found->value();
}

std::optional<std::string> Request::query(std::string_view key) const {
  if (!query_) {
    query_.emplace();
    auto parsed = boost::urls::parse_origin_form(raw_.target());
    if (parsed) {
      for (auto param : parsed->params())
        query_->emplace_back(std::string(param.key), std::string(param.value));
    }
  }
  for (const auto& [name, value] : *query_)
    if (name == key) return value;
  return std::nullopt;
}

const std::string& Request::param(std::string_view name) const {
  auto found = params_.find(std::string(name));
  if (found == params_.end()) throw std::logic_error("route has no parameter " + std::string(name));
  return found->second;
}

const Principal& Request::caller() const {
  if (!principal_) throw app::Error::unauthenticated();
  return *principal_;
}

Response Response::json(unsigned status, const boost::json::value& value) {
  return Response{status, "application/json", boost::json::serialize(value), {}};
}

}  // namespace confer::http
