#pragma once
// Reading JSON request bodies: media type, syntax and nesting checks, then
// field-by-field reads that collect every problem before failing, so the
// caller learns about all bad fields in one 422.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/field_errors.hpp"
#include "domain/utf8.hpp"
#include "http/message.hpp"

namespace confer::http {

constexpr int max_json_depth = 32;

// Parses text as JSON (nesting limit max_json_depth). Throws app::Error
// bad_request with a plain message on malformed or too deeply nested input.
boost::json::value parse_json_text(std::string_view text);

// The request body as a JSON object. An empty body reads as {}. Throws
// app::Error: unsupported_media_type unless the Content-Type is JSON,
// bad_request for malformed JSON, validation when the body is not an object.
boost::json::object json_object_body(const Request& request);

class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object, std::string prefix = {})
      : object_(object), prefix_(std::move(prefix)) {}

  bool has(std::string_view key) const { return object_.contains(key); }

  // Strings are trimmed of surrounding white space; length is counted in
  // Unicode characters.
  std::optional<std::string> required_string(std::string_view key, std::size_t min_length,
                                             std::size_t max_length);
  std::optional<std::string> optional_string(std::string_view key, std::size_t min_length,
                                             std::size_t max_length);
  std::optional<std::int64_t> required_integer(std::string_view key, std::int64_t min,
                                               std::int64_t max);
  std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min,
                                               std::int64_t max);
  std::optional<bool> optional_bool(std::string_view key);
  std::optional<std::vector<std::string>> optional_string_list(std::string_view key,
                                                               std::size_t max_items,
                                                               std::size_t max_item_length);
  // A field that must not be sent to this route.
  void reject(std::string_view key, std::string message);

  void add_error(std::string_view key, std::string message);
  const domain::FieldErrors& errors() const { return errors_; }
  // Throws app::Error::validation when any field was bad.
  void finish() const;

 private:
  std::string path(std::string_view key) const;
  std::optional<std::string> read_string(std::string_view key, bool required,
                                         std::size_t min_length, std::size_t max_length);
  std::optional<std::int64_t> read_integer(std::string_view key, bool required, std::int64_t min,
                                           std::int64_t max);

  const boost::json::object& object_;
  std::string prefix_;
  domain::FieldErrors errors_;
};

using domain::utf8_length;

}  // namespace confer::http
