#pragma once
// Files compiled into the binary at build time (see cmake/Embed.cmake): the SQL
// migrations under src/store/migrations and docs/openapi.yaml.
#include <optional>
#include <string_view>
#include <vector>

namespace confer {

struct EmbeddedFile {
  std::string_view name;  // base name, e.g. "0001_accounts.sql"
  std::string_view contents;
};

const std::vector<EmbeddedFile>& embedded_files();

inline std::optional<std::string_view> embedded_file(std::string_view name) {
  for (const auto& file : embedded_files())
    if (file.name == name) return file.contents;
  return std::nullopt;
}

}  // namespace confer
