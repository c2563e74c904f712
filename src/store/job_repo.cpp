#include "store/job_repo.hpp"

#include <algorithm>
#include <tuple>

namespace confer::store {
namespace {

constexpr const char* columns =
    "id, kind, payload, booking_id, run_at, status, attempts, max_attempts, last_error, created_at";

JobRecord to_job(const Row& row) {
  JobRecord job;
  job.id = row.text(0);
  job.kind = row.text(1);
  job.payload = row.text(2);
  job.booking_id = row.optional_text(3);
  job.run_at = row.integer(4);
  job.status = row.text(5);
  job.attempts = static_cast<int>(row.integer(6));
  job.max_attempts = static_cast<int>(row.integer(7));
  job.last_error = row.optional_text(8);
  job.created_at = row.integer(9);
  return job;
}

}  // namespace

void JobRepo::enqueue(const std::vector<JobRecord>& jobs) {
  if (jobs.empty()) return;
  std::string sql =
      "INSERT INTO jobs (id, kind, payload, booking_id, run_at, status, attempts, max_attempts,"
      " created_at, updated_at) VALUES ";
  Params params;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const auto n = params.size();
    auto p = [&](std::size_t k) { return "$" + std::to_string(n + k); };
    sql += (i ? ", (" : "(") + p(1) + ", " + p(2) + ", " + p(3) + ", " + p(4) + ", " + p(5) +
           ", 'queued', 0, " + p(6) + ", " + p(7) + ", " + p(7) + ")";
    const auto& job = jobs[i];
    params.insert(params.end(), {job.id, job.kind, job.payload, optional_param(job.booking_id),
                                 job.run_at, std::int64_t{job.max_attempts}, job.created_at});
  }
  session_.write_later(sql, params);
}

std::vector<JobRecord> JobRepo::claim_due(std::int64_t now, std::int64_t lease_until,
                                          const std::string& worker, int limit) {
  // Queued jobs that are due, oldest first; then, while the batch has room,
  // running jobs whose lease ran out (their worker died or hung). Two
  // statements, each walking its own index in order: one query with both
  // conditions sorts every due job on each claim (a temporary B-tree on
  // SQLite: ~30 ms per claim with 60,000 jobs due).
  const auto skip_locked = session_.dialect() == Dialect::postgres ? " FOR UPDATE SKIP LOCKED" : "";
  auto claim = [&](const std::string& pick, int room) {
    const std::string sql =
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $3,"
        " locked_until = $2, updated_at = $1 WHERE id IN (" +
        pick + " LIMIT $4" + skip_locked + ") RETURNING " + columns;
    std::vector<JobRecord> claimed;
    for (const auto& row : session_.query(sql, {now, lease_until, worker, std::int64_t{room}}))
      claimed.push_back(to_job(row));
    return claimed;
  };
  auto jobs =
      claim("SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $1 ORDER BY run_at", limit);
  if (static_cast<int>(jobs.size()) < limit) {
    auto expired = claim(
        "SELECT id FROM jobs WHERE status = 'running' AND locked_until < $1 ORDER BY locked_until",
        limit - static_cast<int>(jobs.size()));
    jobs.insert(jobs.end(), expired.begin(), expired.end());
  }
  // RETURNING follows no order.
  std::stable_sort(jobs.begin(), jobs.end(), [](const JobRecord& a, const JobRecord& b) {
    return std::tie(a.run_at, a.created_at) < std::tie(b.run_at, b.created_at);
  });
  return jobs;
}

void JobRepo::record(const std::vector<JobOutcome>& outcomes, std::int64_t now) {
  // Nobody reads their results: PostgreSQL sends them all with the COMMIT.
  for (const auto& outcome : outcomes) {
    switch (outcome.kind) {
      case JobOutcome::Kind::done:
        session_.write_later(
            "UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL,"
            " updated_at = $2 WHERE id = $1",
            {outcome.id, now});
        break;
      case JobOutcome::Kind::retry:
        session_.write_later(
            "UPDATE jobs SET status = 'queued', run_at = $2, last_error = $3, locked_by = NULL,"
            " locked_until = NULL, updated_at = $4 WHERE id = $1",
            {outcome.id, outcome.retry_at, outcome.error, now});
        break;
      case JobOutcome::Kind::dead:
        session_.write_later(
            "UPDATE jobs SET status = 'dead', last_error = $2, locked_by = NULL,"
            " locked_until = NULL, updated_at = $3 WHERE id = $1",
            {outcome.id, outcome.error, now});
        break;
    }
  }
}

JobBacklog JobRepo::backlog(std::int64_t now) {
  auto row = session_.query_one(
      "SELECT COUNT(*), MIN(run_at) FROM jobs WHERE status = 'queued' AND run_at <= $1", {now});
  JobBacklog backlog;
  if (!row) return backlog;
  backlog.due = row->integer(0);
  if (!row->is_null(1)) backlog.oldest_due_at = row->integer(1);
  return backlog;
}

int JobRepo::cancel_queued(const std::string& booking_id, const std::vector<std::string>& kinds,
                           std::int64_t now) {
  int cancelled = 0;
  for (const auto& kind : kinds)
    cancelled += static_cast<int>(
        session_.execute("UPDATE jobs SET status = 'cancelled', updated_at = $3"
                         " WHERE booking_id = $1 AND status = 'queued' AND kind = $2",
                         {booking_id, kind, now}));
  return cancelled;
}

std::vector<JobRecord> JobRepo::for_booking(const std::string& booking_id) {
  std::vector<JobRecord> jobs;
  for (const auto& row :
       session_.query(std::string("SELECT ") + columns +
                          " FROM jobs WHERE booking_id = $1 ORDER BY run_at, kind",
                      {booking_id}))
    jobs.push_back(to_job(row));
  return jobs;
}

JobCounts JobRepo::counts() {
  JobCounts counts;
  for (const auto& row : session_.query("SELECT status, COUNT(*) FROM jobs GROUP BY status")) {
    const auto& status = row.text(0);
    const auto n = row.integer(1);
    if (status == "queued") counts.queued = n;
    if (status == "running") counts.running = n;
    if (status == "done") counts.done = n;
    if (status == "dead") counts.dead = n;
    if (status == "cancelled") counts.cancelled = n;
  }
  return counts;
}

}  // namespace confer::store
