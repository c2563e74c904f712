#include "http/compression.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace confer::http {
namespace {

// The levels for answers made per request: gzip 5 and brotli 4 keep most of
// the size gain for about a millisecond per 100 KB on one core.
constexpr int dynamic_gzip_level = 5;
constexpr int dynamic_brotli_quality = 4;
constexpr std::size_t smallest_worth_compressing = 1024;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// A qvalue (RFC 9110 §12.4.2) in thousandths: "1", "0.5", "0.125"; nothing
// when it is not one.
std::optional<int> parse_qvalue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  int thousandths = text[0] == '1' ? 1000 : 0;
  if (text.size() == 1) return thousandths;
  if (text[1] != '.' || text.size() > 5) return std::nullopt;
  int scale = 100;
  for (char digit : text.substr(2)) {
    if (!std::isdigit(static_cast<unsigned char>(digit))) return std::nullopt;
    if (text[0] == '1' && digit != '0') return std::nullopt;
    thousandths += (digit - '0') * scale;
    scale /= 10;
  }
  return thousandths;
}

struct Weighed {
  std::string_view coding;
  int q = 1000;
};

// One element of the list ("gzip;q=0.8"); nothing when its weight is malformed.
std::optional<Weighed> parse_element(std::string_view element) {
  auto semicolon = element.find(';');
  Weighed weighed{trim(element.substr(0, semicolon)), 1000};
  while (semicolon != std::string_view::npos) {
    element.remove_prefix(semicolon + 1);
    semicolon = element.find(';');
    auto parameter = trim(element.substr(0, semicolon));
    auto equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (!equals_ignoring_case(trim(parameter.substr(0, equals)), "q")) continue;
    auto q = parse_qvalue(trim(parameter.substr(equals + 1)));
    if (!q) return std::nullopt;
    weighed.q = *q;
  }
  return weighed;
}

}  // namespace

ContentCoding preferred_coding(std::string_view accept_encoding) {
  // -1: not named; the wildcard's weight applies then.
  int gzip_q = -1, br_q = -1, any_q = -1;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    auto element = parse_element(accept_encoding.substr(0, comma));
    accept_encoding.remove_prefix(comma == std::string_view::npos ? accept_encoding.size()
                                                                  : comma + 1);
    if (!element) continue;
    if (equals_ignoring_case(element->coding, "br"))
      br_q = element->q;
    else if (equals_ignoring_case(element->coding, "gzip") ||
             equals_ignoring_case(element->coding, "x-gzip"))
      gzip_q = std::max(gzip_q, element->q);
    else if (element->coding == "*")
      any_q = element->q;
  }
  if (br_q < 0) br_q = std::max(any_q, 0);
  if (gzip_q < 0) gzip_q = std::max(any_q, 0);
  if (br_q == 0 && gzip_q == 0) return ContentCoding::identity;
  return br_q >= gzip_q ? ContentCoding::br : ContentCoding::gzip;
}

std::string_view coding_name(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::gzip:
      return "gzip";
    case ContentCoding::br:
      return "br";
    case ContentCoding::identity:
      break;
  }
  return {};
}

bool worth_compressing(std::string_view content_type, std::size_t size) {
  if (size < smallest_worth_compressing) return false;
  auto type = content_type.substr(0, content_type.find(';'));
  return type.starts_with("text/") || type == "application/json" ||
         type == "application/problem+json" || type == "application/javascript" ||
         type == "application/yaml" || type == "application/manifest+json" ||
         type == "image/svg+xml";
}

std::string compress(std::string_view data, ContentCoding coding) {
  switch (coding) {
    case ContentCoding::gzip:
      return gzip_compress(data, dynamic_gzip_level);
    case ContentCoding::br:
      return brotli_compress(data, dynamic_brotli_quality);
    case ContentCoding::identity:
      break;
  }
  return std::string(data);
}

std::string gzip_compress(std::string_view data, int level) {
  z_stream stream{};
  // 15 window bits + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib could not start a gzip stream");
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  // zlib's input pointer is not const, but deflate never writes through it.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("zlib could not finish a gzip stream");
  return out;
}

std::string brotli_compress(std::string_view data, int quality) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  std::size_t written = out.size();
  if (out.empty() ||
      !BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const std::uint8_t*>(data.data()), &written,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli could not compress a body");
  out.resize(written);
  return out;
}

}  // namespace confer::http
