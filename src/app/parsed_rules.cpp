#include "app/parsed_rules.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "domain/recurrence.hpp"
#include "log.hpp"

namespace confer::app {
namespace {

// Removes the recurring rules whose RRULE is refused now; how many.
std::int64_t drop_refused_recurring_rules(boost::json::value& json) {
  auto* object = json.if_object();
  auto* list = object ? object->if_contains("recurringRules") : nullptr;
  if (!list || !list->is_array()) return 0;
  auto& rules = list->as_array();
  const auto before = rules.size();
  boost::json::array kept;
  for (auto& rule : rules) {
    const auto* rrule = rule.is_object() ? rule.as_object().if_contains("rrule") : nullptr;
    if (rrule && rrule->is_string() && domain::is_valid_rrule(rrule->as_string()))
      kept.push_back(std::move(rule));
  }
  rules = std::move(kept);
  return static_cast<std::int64_t>(before - rules.size());
}

}  // namespace

domain::AvailabilityRules rules_from_record(const AvailabilityRecord& record) {
  auto json = boost::json::parse(record.rules_json);
  auto parsed = domain::parse_availability(json);
  auto* rules = std::get_if<domain::AvailabilityRules>(&parsed);
  if (!rules) {
    if (auto dropped = drop_refused_recurring_rules(json); dropped > 0) {
      log::warn("stored recurring rules no longer accepted were left out",
                {{"availability", record.id}, {"dropped", dropped}});
      parsed = domain::parse_availability(json);
      rules = std::get_if<domain::AvailabilityRules>(&parsed);
    }
  }
  if (!rules) throw std::runtime_error("stored availability " + record.id + " no longer parses");
  return std::move(*rules);
}

domain::AvailabilityRules ParsedRulesCache::rules(const AvailabilityRecord& record) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = parsed_by_text_.find(record.rules_json); found != parsed_by_text_.end())
      return found->second;
  }
  auto rules = rules_from_record(record);
  std::lock_guard lock(mutex_);
  if (parsed_by_text_.size() >= max_entries_) parsed_by_text_.clear();
  parsed_by_text_.emplace(record.rules_json, rules);
  return rules;
}

std::size_t ParsedRulesCache::size() {
  std::lock_guard lock(mutex_);
  return parsed_by_text_.size();
}

}  // namespace confer::app
