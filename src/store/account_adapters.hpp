#pragma once
// The account use cases' unit of work over the database: each transaction
// hands them the user, token, reset, failed-login, rate-limit and audit
// repositories of one Session, and take_turn is serialize_on.
#include <functional>

#include "app/ports/account_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

class AccountStore final : public app::ports::AccountUnitOfWork {
 public:
  explicit AccountStore(Database& database) : database_(database) {}

  void read(const std::function<void(app::ports::AccountTransaction&)>& work) override;
  void write(const std::function<void(app::ports::AccountTransaction&)>& work) override;

 private:
  Database& database_;
};

}  // namespace confer::store
