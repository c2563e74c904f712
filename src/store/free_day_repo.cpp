#include "store/free_day_repo.hpp"

#include <algorithm>
#include <map>

namespace confer::store {
namespace {

std::string param(Params& params, Param value) {
  params.push_back(std::move(value));
  return "$" + std::to_string(params.size());
}

std::string id_list(Params& params, const std::vector<std::int64_t>& ids) {
  std::string list;
  for (auto id : ids) list += (list.empty() ? "" : ", ") + param(params, id);
  return list;
}

// Marks cleared per statement: bounds the statement's parameters.
constexpr std::size_t marks_per_delete = 500;

}  // namespace

std::vector<app::ports::FreeDayWork> FreeDayRepo::due(std::int64_t now, std::int64_t stale_before,
                                                      int limit) {
  std::vector<app::ports::FreeDayWork> work;
  std::map<std::string, std::size_t> index;
  for (const auto& row :
       session_.query("SELECT w.specialist_id, COALESCE(s.generation, 0) FROM"
                      " (SELECT DISTINCT specialist_id FROM free_day_marks"
                      "  UNION SELECT specialist_id FROM free_day_state WHERE stale_at <= $1"
                      "  UNION SELECT specialist_id FROM free_day_state"
                      "  WHERE next_valid_until < $2) w"
                      " LEFT JOIN free_day_state s ON s.specialist_id = w.specialist_id"
                      " ORDER BY w.specialist_id LIMIT $3",
                      {stale_before, now, std::int64_t{limit}})) {
    index[row.text(0)] = work.size();
    work.push_back({row.text(0), row.integer(1), {}});
  }
  if (work.empty()) return work;
  Params params;
  std::vector<std::string> ids;
  for (const auto& w : work) ids.push_back(w.specialist_id);
  const auto sql = "SELECT specialist_id, id FROM free_day_marks WHERE specialist_id IN (" +
                   in_list(params, ids) + ")";
  for (const auto& row : session_.query(sql, params))
    work[index.at(row.text(0))].marks.push_back(row.integer(1));
  return work;
}

bool FreeDayRepo::store(const app::ports::FreeDayRefresh& refresh) {
  const auto& id = refresh.specialist_id;
  // First writer wins: a refresh that read before another one wrote has
  // nothing newer to say.
  const auto claimed =
      refresh.seen_generation == 0
          ? session_.execute(
                "INSERT INTO free_day_state (specialist_id, stale_at, notice_ms, next_at,"
                " next_valid_until, generation) VALUES ($1, $2, $3, $4, $5, 1)"
                " ON CONFLICT (specialist_id) DO NOTHING",
                {id, refresh.stale_at, refresh.notice_ms, optional_param(refresh.next_at),
                 optional_param(refresh.next_valid_until)})
          : session_.execute(
                "UPDATE free_day_state SET stale_at = $2, notice_ms = $3, next_at = $4,"
                " next_valid_until = $5, generation = generation + 1"
                " WHERE specialist_id = $1 AND generation = $6",
                {id, refresh.stale_at, refresh.notice_ms, optional_param(refresh.next_at),
                 optional_param(refresh.next_valid_until), refresh.seen_generation});
  if (claimed != 1) return false;
  session_.execute("DELETE FROM free_days WHERE specialist_id = $1", {id});
  for (const auto& day : refresh.days)
    session_.write_later(
        "INSERT INTO free_days (specialist_id, day, first_start, last_start, bookable_from,"
        " bookable_until, recheck_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {id, day.day, optional_param(day.first_start), optional_param(day.last_start),
         optional_param(day.bookable_from), optional_param(day.bookable_until),
         optional_param(day.recheck_at)});
  for (std::size_t at = 0; at < refresh.marks.size(); at += marks_per_delete) {
    std::vector<std::int64_t> part(
        refresh.marks.begin() + static_cast<std::ptrdiff_t>(at),
        refresh.marks.begin() +
            static_cast<std::ptrdiff_t>(std::min(refresh.marks.size(), at + marks_per_delete)));
    Params params;
    const auto list = id_list(params, part);
    session_.write_later("DELETE FROM free_day_marks WHERE id IN (" + list + ")", params);
  }
  return true;
}

std::vector<std::string> FreeDayRepo::unsure_on(const std::string& day, std::int64_t now) {
  std::vector<std::string> ids;
  // Listed specialists only: a mark can name anyone whose schedule version
  // moved (a customer changing their zone, say).
  for (const auto& row :
       session_.query("SELECT u.specialist_id FROM"
                      " (SELECT DISTINCT specialist_id FROM free_day_marks"
                      "  UNION SELECT specialist_id FROM free_day_state WHERE stale_at <= $2"
                      "  UNION SELECT specialist_id FROM free_days"
                      "  WHERE day = $1 AND recheck_at IS NOT NULL AND recheck_at <= $2) u"
                      " JOIN directory_entries d ON d.specialist_id = u.specialist_id",
                      {day, now}))
    ids.push_back(row.text(0));
  return ids;
}

std::vector<app::ports::NextFree> FreeDayRepo::next_free(
    const std::vector<std::string>& specialist_ids, std::int64_t now) {
  std::vector<app::ports::NextFree> next(specialist_ids.size());
  if (specialist_ids.empty()) return next;
  Params params{now};
  const auto sql =
      "SELECT s.specialist_id, s.next_at FROM free_day_state s WHERE s.specialist_id IN (" +
      in_list(params, specialist_ids) +
      ") AND s.stale_at > $1 AND (s.next_valid_until IS NULL OR s.next_valid_until >= $1)"
      " AND NOT EXISTS (SELECT 1 FROM free_day_marks m WHERE m.specialist_id = s.specialist_id)";
  for (const auto& row : session_.query(sql, params)) {
    auto at = std::find(specialist_ids.begin(), specialist_ids.end(), row.text(0));
    next[static_cast<std::size_t>(at - specialist_ids.begin())] = {true, row.optional_integer(1)};
  }
  return next;
}

std::string free_on_condition(const app::ports::DirectoryFilter::FreeOn& free_on, Params& params,
                              FreeOnPlan plan) {
  const auto day = param(params, free_on.day);
  const auto now = param(params, free_on.now);
  const auto rows =
      " fd.day = " + day + " AND fd.bookable_until >= " + now + " AND fd.bookable_from <= " + now;
  std::string indexed =
      plan == FreeOnPlan::probe_each
          ? "EXISTS (SELECT 1 FROM free_days fd WHERE fd.specialist_id = d.specialist_id AND" +
                rows + ")"
          : "d.specialist_id IN (SELECT fd.specialist_id FROM free_days fd WHERE" + rows + ")";
  if (!free_on.unsure.empty())
    indexed += " AND d.specialist_id NOT IN (" + in_list(params, free_on.unsure) + ")";
  if (free_on.free.empty()) return "(" + indexed + ")";
  return "((" + indexed + ") OR d.specialist_id IN (" + in_list(params, free_on.free) + "))";
}

std::string free_on_join(const app::ports::DirectoryFilter::FreeOn& free_on, Params& params) {
  return " JOIN free_days fd ON fd.specialist_id = d.specialist_id AND fd.day = " +
         param(params, free_on.day) + " AND fd.bookable_until >= " + param(params, free_on.now) +
         " AND fd.bookable_from <= " + param(params, free_on.now);
}

bool free_on_is_dense(Session& session, const app::ports::DirectoryFilter::FreeOn& free_on) {
  const auto free = session
                        .query_one(
                            "SELECT COUNT(*) FROM free_days WHERE day = $1"
                            " AND bookable_until >= $2 AND bookable_from <= $2",
                            {free_on.day, free_on.now})
                        ->integer(0);
  const auto listed = session.query_one("SELECT COUNT(*) FROM free_day_state")->integer(0);
  return free * 8 >= listed;
}

}  // namespace confer::store
