#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/errors.hpp"
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
  auto contents = read_file(file);
  if (!contents) return not_found();
  auto name = file.filename().string();
  Response response =
      Response::text(200, std::string(content_type_for(name)), std::move(*contents));
  // Vite names assets by content hash, so they never change under one name.
  bool hashed_asset = relative->begin() != relative->end() && *relative->begin() == "assets";
  response.with_header("Cache-Control",
                       hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace confer::http
