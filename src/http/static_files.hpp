#pragma once
// Serves the built web app (and the API reference page) from a directory.
// Only GET and HEAD; no path escapes the root; a client-side route with no
// file behind it gets index.html so the single-page app can take over.
#include <optional>
#include <string>

#include "http/message.hpp"

namespace confer::http {

class StaticFiles {
 public:
  // `url_prefix` is removed from the request path before the lookup
  // ("/api/docs" serves docs_dir for /api/docs/...).
  StaticFiles(std::string root, std::string url_prefix, bool spa_fallback)
      : root_(std::move(root)), url_prefix_(std::move(url_prefix)), spa_fallback_(spa_fallback) {}

  Response serve(const Request& request) const;

 private:
  std::string root_;
  std::string url_prefix_;
  bool spa_fallback_;
};

std::string_view content_type_for(std::string_view file_name);

}  // namespace confer::http
