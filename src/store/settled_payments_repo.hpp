#pragma once
// The payments the earnings report sums (app::ports::SettledPayments).
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

class SettledPaymentsRepo final : public app::ports::SettledPayments {
 public:
  explicit SettledPaymentsRepo(Database& database) : database_(database) {}

  std::vector<app::SettledPaymentRecord> settled(const std::string& specialist_id) override;

 private:
  Database& database_;
};

}  // namespace confer::store
