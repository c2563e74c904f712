#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/errors.hpp"
#include "http/compression.hpp"
#include "http/problem.hpp"

namespace confer::http {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// Splits the path into segments, refusing anything that could leave the root.
std::optional<fs::path> safe_relative_path(std::string_view path) {
  fs::path relative;
  std::size_t start = 0;
  while (start < path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    auto segment = path.substr(start, slash - start);
    start = slash + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment == ".." || segment.find('\\') != std::string_view::npos ||
        segment.find('\0') != std::string_view::npos || segment.starts_with('.'))
      return std::nullopt;
    relative /= std::string(segment);
  }
  return relative;
}

Response not_found() {
  return problem_response(app::Error::not_found("This page"));
}

// The build's precompressed copy of `file` in the coding the client prefers
// (`app.js.br`, `app.js.gz`), when there is one and it is not older.
std::optional<std::pair<fs::path, ContentCoding>> precompressed(const fs::path& file,
                                                                const Request& request) {
  const auto coding = preferred_coding(request.header("Accept-Encoding"));
  if (coding == ContentCoding::identity) return std::nullopt;
  fs::path candidate = file;
  candidate += coding == ContentCoding::br ? ".br" : ".gz";
  std::error_code error;
  if (!fs::is_regular_file(candidate, error)) return std::nullopt;
  // A copy older than its file is of an earlier version: not this one.
  if (fs::last_write_time(candidate, error) < fs::last_write_time(file, error)) return std::nullopt;
  return std::pair{candidate, coding};
}

// A validator that changes whenever the file does: its size and modification
// time, and the coding (each coding is its own representation).
std::string entity_tag(const fs::path& file, std::uintmax_t size, ContentCoding coding) {
  std::error_code error;
  auto modified = fs::last_write_time(file, error).time_since_epoch().count();
  std::string tag = "\"" + std::to_string(size) + "-" + std::to_string(modified);
  if (coding != ContentCoding::identity) tag += "-" + std::string(coding_name(coding));
  return tag + "\"";
}

// If-None-Match (RFC 9110 §13.1.2): "*" or a list of tags, compared weakly.
bool matches_any(std::string_view if_none_match, std::string_view tag) {
  if (if_none_match.find('*') != std::string_view::npos) return true;
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    auto candidate = if_none_match.substr(0, comma);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == tag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

// `file` as the client asks for it: precompressed when it can take that,
// 304 when its copy is current.
Response file_response(const fs::path& file, const Request& request) {
  const auto content_type = std::string(content_type_for(file.filename().string()));
  const auto variant = precompressed(file, request);
  const auto coding = variant ? variant->second : ContentCoding::identity;
  std::error_code error;
  const auto size = fs::file_size(file, error);
  const auto tag = entity_tag(file, size, coding);
  Response response;
  if (matches_any(request.header("If-None-Match"), tag)) {
    // The type stays: a browser lays a 304's headers over its copy, and the
    // page's headers (its Content-Security-Policy) follow from the type.
    response = Response::text(304, content_type, "");
  } else {
    auto contents = read_file(variant ? variant->first : file);
    if (!contents) return not_found();
    response = Response::text(200, content_type, std::move(*contents));
  }
  response.with_header("ETag", tag);
  if (variant) response.with_header("Content-Encoding", std::string(coding_name(coding)));
  // Whether or not a copy exists: the answer may come compressed either way.
  if (worth_compressing(content_type, size)) response.with_header("Vary", "Accept-Encoding");
  return response;
}

}  // namespace

std::string_view content_type_for(std::string_view name) {
  auto dot = name.rfind('.');
  auto ext = dot == std::string_view::npos ? std::string_view{} : name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "yaml" || ext == "yml") return "application/yaml";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method() != "GET" && request.method() != "HEAD") {
    auto response = problem_response(
        app::Error(app::ErrorKind::method_not_allowed, "Only GET and HEAD are served here."));
    return response.with_header("Allow", "GET, HEAD");
  }
  auto path = request.path();
  if (!url_prefix_.empty()) path.remove_prefix(std::min(path.size(), url_prefix_.size()));
  auto relative = safe_relative_path(path);
  if (!relative) return not_found();

  const fs::path root(root_);
  std::error_code error;
  fs::path file = root / *relative;
  if (fs::is_directory(file, error)) file /= "index.html";
  bool found = fs::is_regular_file(file, error);
  if (!found && spa_fallback_) {
    // Missing files of a type we serve (app.js, logo.png) stay 404; anything
    // else is a client-side route, dots included (/manage/<payload>.<signature>).
    auto last = relative->filename().string();
    bool looks_like_a_file = content_type_for(last) != "application/octet-stream";
    bool under_assets = relative->begin() != relative->end() && *relative->begin() == "assets";
    if (!looks_like_a_file && !under_assets) {
      file = root / "index.html";
      found = fs::is_regular_file(file, error);
    }
  }
  if (!found) return not_found();
  // Vite names assets by content hash, so they never change under one name.
  bool hashed_asset = relative->begin() != relative->end() && *relative->begin() == "assets";
  auto response = file_response(file, request);
  response.with_header("Cache-Control",
                       hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace confer::http
