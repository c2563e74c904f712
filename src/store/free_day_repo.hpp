#pragma once
// The index of free days over SQL (app/ports/free_day_ports.hpp; tables of
// migration 0019).
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

class FreeDayRepo final : public app::ports::FreeDays {
 public:
  explicit FreeDayRepo(Session& session) : session_(session) {}

  std::vector<app::ports::FreeDayWork> due(std::int64_t now, std::int64_t stale_before,
                                           int limit) override;
  bool store(const app::ports::FreeDayRefresh& refresh) override;
  std::vector<std::string> unsure_on(const std::string& day, std::int64_t now) override;
  std::vector<app::ports::NextFree> next_free(const std::vector<std::string>& specialist_ids,
                                              std::int64_t now) override;

 private:
  Session& session_;
};

// How a search meets "free on a day": walking the specialists in order and
// probing each one's row for the day (when most are free, a page is found
// after a few probes), or reading the day's rows first (when few are).
enum class FreeOnPlan { probe_each, rows_first };

// The WHERE condition (after "AND") that keeps specialists free on
// `free_on.day` at `free_on.now`, for a query over directory_entries `d`.
std::string free_on_condition(const app::ports::DirectoryFilter::FreeOn& free_on, Params& params,
                              FreeOnPlan plan);
// The same as a JOIN (for counting; only when `free_on.free` is empty: the
// join cannot add specialists without a row).
std::string free_on_join(const app::ports::DirectoryFilter::FreeOn& free_on, Params& params);
// Whether at least an eighth of the specialists are free on the day (by
// the index alone: a cheap count of one day's rows).
bool free_on_is_dense(Session& session, const app::ports::DirectoryFilter::FreeOn& free_on);

}  // namespace confer::store
