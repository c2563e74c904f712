#include "store/booking_transaction.hpp"

#include "security/crypto.hpp"
#include "store/auth_repo.hpp"
#include "store/booking_context.hpp"
#include "store/job_repo.hpp"
#include "store/meeting_repo.hpp"
#include "store/notification_repo.hpp"
#include "store/payment_repo.hpp"
#include "store/payout_account_repo.hpp"
#include "store/service_repo.hpp"
#include "store/user_repo.hpp"

namespace confer::store {
namespace {

class SessionSchedules final : public app::ports::Schedules {
 public:
  explicit SessionSchedules(Session& session) : session_(session) {}
  std::optional<app::ports::BookingContext> booking_context(const std::string& service_id,
                                                            const std::string& customer_id,
                                                            std::int64_t from,
                                                            std::int64_t to) override {
    return load_booking_context(session_, service_id, customer_id, from, to);
  }
  std::int64_t schedule_version(const std::string& specialist_id) override {
    return store::schedule_version(session_, specialist_id);
  }

 private:
  Session& session_;
};

class SessionDirectory final : public app::ports::Directory {
 public:
  explicit SessionDirectory(Session& session) : session_(session) {}
  std::optional<app::ServiceRecord> service(const std::string& id) override {
    return ServiceRepo(session_).find(id);
  }
  std::optional<app::UserRecord> user(const std::string& id) override {
    return UserRepo(session_).find_by_id(id);
  }
  std::optional<app::MeetingRecord> meeting(const std::string& booking_id) override {
    return MeetingRepo(session_).for_booking(booking_id);
  }
  std::vector<app::ServiceRecord> services(const std::vector<std::string>& ids) override {
    return ServiceRepo(session_).find_by_ids(ids);
  }
  std::vector<app::UserRecord> users(const std::vector<std::string>& ids) override {
    return UserRepo(session_).find_by_ids(ids);
  }
  std::vector<app::MeetingRecord> meetings(const std::vector<std::string>& booking_ids) override {
    return MeetingRepo(session_).for_bookings(booking_ids);
  }

 private:
  Session& session_;
};

class SessionAuditLog final : public app::ports::AuditLog {
 public:
  explicit SessionAuditLog(Session& session) : session_(session) {}
  void append(const app::AuditEntry& entry) override {
    auto row = entry;
    if (row.id.empty()) row.id = security::new_uuid();
    append_audit(session_, row);
  }

 private:
  Session& session_;
};

class SessionOutbox final : public app::ports::Outbox {
 public:
  explicit SessionOutbox(Session& session) : session_(session) {}
  void enqueue(const std::vector<app::JobRecord>& jobs) override {
    JobRepo(session_).enqueue(jobs);
  }
  void cancel_queued(const std::string& booking_id, const std::vector<std::string>& kinds,
                     std::int64_t now) override {
    JobRepo(session_).cancel_queued(booking_id, kinds, now);
  }
  void notify(const std::vector<app::NotificationRecord>& notifications) override {
    NotificationRepo(session_).insert(notifications);
  }
  int invite_sequence(const std::string& booking_id) override {
    auto row = session_.query_one("SELECT ics_sequence FROM bookings WHERE id = $1", {booking_id});
    return row ? static_cast<int>(row->integer(0)) : 0;
  }
  void raise_invite_sequence(const std::string& booking_id) override {
    session_.execute("UPDATE bookings SET ics_sequence = ics_sequence + 1 WHERE id = $1",
                     {booking_id});
  }

 private:
  Session& session_;
};

}  // namespace

struct SessionTransaction::Adapters {
  explicit Adapters(Session& session)
      : schedules(session),
        directory(session),
        audit(session),
        outbox(session),
        payments(session),
        payout_accounts(session),
        meetings(session),
        notifications(session) {}
  SessionSchedules schedules;
  SessionDirectory directory;
  SessionAuditLog audit;
  SessionOutbox outbox;
  PaymentRepo payments;
  PayoutAccountRepo payout_accounts;
  MeetingRepo meetings;
  NotificationRepo notifications;
};

SessionTransaction::SessionTransaction(Session& session)
    : bookings_(session), adapters_(std::make_unique<Adapters>(session)) {}
SessionTransaction::~SessionTransaction() = default;

app::ports::Schedules& SessionTransaction::schedules() {
  return adapters_->schedules;
}
app::ports::Directory& SessionTransaction::directory() {
  return adapters_->directory;
}
app::ports::AuditLog& SessionTransaction::audit() {
  return adapters_->audit;
}
app::ports::Outbox& SessionTransaction::outbox() {
  return adapters_->outbox;
}
app::ports::Payments& SessionTransaction::payments() {
  return adapters_->payments;
}
app::ports::PayoutAccounts& SessionTransaction::payout_accounts() {
  return adapters_->payout_accounts;
}
app::ports::Meetings& SessionTransaction::meetings() {
  return adapters_->meetings;
}
app::ports::Notifications& SessionTransaction::notifications() {
  return adapters_->notifications;
}

void StoreUnitOfWork::run(TxMode mode, const std::function<void(app::ports::Transaction&)>& work) {
  try {
    database_.transaction(mode, [&](Session& session) {
      SessionTransaction transaction(session);
      work(transaction);
    });
  } catch (const DbError& error) {
    if (error.kind() == DbErrorKind::exclusion_violation ||
        error.kind() == DbErrorKind::unique_violation)
      throw app::ports::Clash(error.constraint());
    throw;
  }
}

void StoreUnitOfWork::read(const std::function<void(app::ports::Transaction&)>& work) {
  run(TxMode::read, work);
}

void StoreUnitOfWork::write(const std::function<void(app::ports::Transaction&)>& work) {
  run(TxMode::write, work);
}

}  // namespace confer::store
