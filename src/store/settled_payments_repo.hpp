#pragma once
// The earnings report summed in SQL per engine (app::ports::SettledPayments).
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

class SettledPaymentsRepo final : public app::ports::SettledPayments {
 public:
  explicit SettledPaymentsRepo(Database& database) : database_(database) {}

  std::vector<app::EarningsRow> monthly(const std::string& specialist_id, int fee_bps) override;

 private:
  Database& database_;
};

}  // namespace confer::store
