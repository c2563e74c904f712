#pragma once
// Specialists' Zoom tokens, sealed at rest (app::ports::ZoomTokens).
#include <optional>
#include <string>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

class ZoomTokenRepo final : public app::ports::ZoomTokens {
 public:
  explicit ZoomTokenRepo(Database& database) : database_(database) {}

  void put(const std::string& user_id, const app::SealedZoomTokens& tokens,
           std::int64_t now) override;
  std::optional<app::SealedZoomTokens> find(const std::string& user_id) override;
  bool exists(const std::string& user_id) override;
  void remove(const std::string& user_id) override;

 private:
  Database& database_;
};

}  // namespace confer::store
