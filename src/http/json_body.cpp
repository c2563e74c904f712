#include "http/json_body.hpp"

#include <boost/json/parse.hpp>

#include "app/errors.hpp"

namespace confer::http {
namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view spaces = " \t\r\n";
  auto first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(spaces);
  return text.substr(first, last - first + 1);
}

bool is_json_media_type(std::string_view content_type) {
  auto semicolon = content_type.find(';');
  auto media = trim(content_type.substr(0, semicolon));
  if (media.size() != 16) return false;
  std::string lower(media);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json";
}

}  // namespace

boost::json::value parse_json_text(std::string_view text) {
  boost::json::parse_options options;
  options.max_depth = max_json_depth;
  boost::system::error_code error;
  auto value = boost::json::parse(text, error, {}, options);
  if (error) {
    if (error == boost::json::error::too_deep)
      throw app::Error::bad_request("The JSON body is nested too deeply (limit " +
                                    std::to_string(max_json_depth) + " levels).");
    throw app::Error::bad_request("The request body is not valid JSON.");
  }
  return value;
}

boost::json::object json_object_body(const Request& request) {
  auto body = request.body();
  if (trim(body).empty()) return {};
  if (!is_json_media_type(request.header("Content-Type")))
    throw app::Error(app::ErrorKind::unsupported_media_type,
                     "Send the body as JSON with Content-Type: application/json.");
  auto value = parse_json_text(body);
  if (!value.is_object())
    throw app::Error::validation({{"body", "must be a JSON object"}},
                                 "The request body must be a JSON object.");
  return std::move(value.as_object());
}

std::string FieldReader::path(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

void FieldReader::add_error(std::string_view key, std::string message) {
  errors_.push_back({path(key), std::move(message)});
}

void FieldReader::reject(std::string_view key, std::string message) {
  if (has(key)) add_error(key, std::move(message));
}

void FieldReader::finish() const {
  if (!errors_.empty()) throw app::Error::validation(errors_);
}

std::optional<std::string> FieldReader::read_string(std::string_view key, bool required,
                                                    std::size_t min_length,
                                                    std::size_t max_length) {
  auto found = object_.find(key);
  if (found == object_.end() || found->value().is_null()) {
    if (required) add_error(key, "is required");
    return std::nullopt;
  }
  if (!found->value().is_string()) {
    add_error(key, "must be a string");
    return std::nullopt;
  }
  auto text = std::string(trim(found->value().as_string()));
  auto length = utf8_length(text);
  if (!length) {
    add_error(key, "must be valid UTF-8 text");
    return std::nullopt;
  }
  // PostgreSQL cannot store NUL in text (it would cut the value short there)
  // and no field has a use for it: refused on both engines alike.
  if (text.find('\0') != std::string::npos) {
    add_error(key, "must not contain NUL characters (\\u0000)");
    return std::nullopt;
  }
  if (*length < min_length) {
    add_error(key, min_length == 1
                       ? "must not be empty"
                       : "must be at least " + std::to_string(min_length) + " characters");
    return std::nullopt;
  }
  if (*length > max_length) {
    add_error(key, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> FieldReader::required_string(std::string_view key,
                                                        std::size_t min_length,
                                                        std::size_t max_length) {
  return read_string(key, true, min_length, max_length);
}

std::optional<std::string> FieldReader::optional_string(std::string_view key,
                                                        std::size_t min_length,
                                                        std::size_t max_length) {
  return read_string(key, false, min_length, max_length);
}

std::optional<std::int64_t> FieldReader::read_integer(std::string_view key, bool required,
                                                      std::int64_t min, std::int64_t max) {
  auto found = object_.find(key);
  if (found == object_.end() || found->value().is_null()) {
    if (required) add_error(key, "is required");
    return std::nullopt;
  }
  const auto& value = found->value();
  std::optional<std::int64_t> number;
  if (value.is_int64()) number = value.as_int64();
  if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    number = static_cast<std::int64_t>(value.as_uint64());
  if (value.is_double() &&
      value.as_double() == static_cast<double>(static_cast<std::int64_t>(value.as_double())) &&
      value.as_double() > -9e15 && value.as_double() < 9e15)
    number = static_cast<std::int64_t>(value.as_double());
  if (!number) {
    add_error(key, "must be a whole number");
    return std::nullopt;
  }
  if (*number < min || *number > max) {
    add_error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<std::int64_t> FieldReader::required_integer(std::string_view key, std::int64_t min,
                                                          std::int64_t max) {
  return read_integer(key, true, min, max);
}

std::optional<std::int64_t> FieldReader::optional_integer(std::string_view key, std::int64_t min,
                                                          std::int64_t max) {
  return read_integer(key, false, min, max);
}

std::optional<bool> FieldReader::optional_bool(std::string_view key) {
  auto found = object_.find(key);
  if (found == object_.end() || found->value().is_null()) return std::nullopt;
  if (!found->value().is_bool()) {
    add_error(key, "must be true or false");
    return std::nullopt;
  }
  return found->value().as_bool();
}

std::optional<std::vector<std::string>> FieldReader::optional_string_list(
    std::string_view key, std::size_t max_items, std::size_t max_item_length) {
  auto found = object_.find(key);
  if (found == object_.end() || found->value().is_null()) return std::nullopt;
  if (!found->value().is_array()) {
    add_error(key, "must be a list of strings");
    return std::nullopt;
  }
  const auto& array = found->value().as_array();
  if (array.size() > max_items) {
    add_error(key, "must have at most " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& item : array) {
    if (!item.is_string()) {
      add_error(key, "must be a list of strings");
      return std::nullopt;
    }
    auto text = std::string(trim(item.as_string()));
    auto length = utf8_length(text);
    if (!length || *length == 0 || *length > max_item_length) {
      add_error(key, "items must be 1 to " + std::to_string(max_item_length) + " characters");
      return std::nullopt;
    }
    if (text.find('\0') != std::string::npos) {
      add_error(key, "items must not contain NUL characters (\\u0000)");
      return std::nullopt;
    }
    items.push_back(std::move(text));
  }
  return items;
}

}  // namespace confer::http
