#pragma once
// The booking ports over the store: a ports::Transaction on one Session (its
// repositories all act in that session's transaction), and a UnitOfWork that
// opens one per call. A clash the database finds — PostgreSQL's exclusion
// constraints, a duplicate key — leaves as ports::Clash, so the use cases
// never see a DbError.
#include "app/ports/booking_ports.hpp"
#include "store/booking_repo.hpp"
#include "store/database.hpp"

namespace confer::store {

class SessionTransaction final : public app::ports::Transaction {
 public:
  explicit SessionTransaction(Session& session);
  ~SessionTransaction() override;

  app::ports::Bookings& bookings() override { return bookings_; }
  app::ports::Schedules& schedules() override;
  app::ports::Directory& directory() override;
  app::ports::AuditLog& audit() override;
  app::ports::Outbox& outbox() override;
  app::ports::Payments& payments() override;
  app::ports::PayoutAccounts& payout_accounts() override;
  app::ports::Meetings& meetings() override;
  app::ports::Notifications& notifications() override;

 private:
  struct Adapters;
  BookingRepo bookings_;
  std::unique_ptr<Adapters> adapters_;
};

class StoreUnitOfWork final : public app::ports::UnitOfWork {
 public:
  explicit StoreUnitOfWork(Database& database) : database_(database) {}

  void read(const std::function<void(app::ports::Transaction&)>& work) override;
  void write(const std::function<void(app::ports::Transaction&)>& work) override;
  bool refuses_overlaps() const override { return database_.dialect() == Dialect::postgres; }

 private:
  void run(TxMode mode, const std::function<void(app::ports::Transaction&)>& work);
  Database& database_;
};

}  // namespace confer::store
