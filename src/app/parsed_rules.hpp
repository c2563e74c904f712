#pragma once
// Availability rules as stored (JSON text, validated when written) read back
// into domain::AvailabilityRules, and a bounded cache of them.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/ports/records.hpp"
#include "domain/availability.hpp"

namespace confer::app {

// Reads stored rules. Rules saved before a check was added (say, an RRULE
// form now refused) still give the specialist slots: what no longer passes
// is left out (and logged).
domain::AvailabilityRules rules_from_record(const AvailabilityRecord& record);

// Parsed rules by their stored text: the same text always gives the same
// rules, and parsing (JSON, validation, RRULE checks) was a measurable part
// of every slot list and booking. Bounded: cleared when full. Thread-safe.
class ParsedRulesCache {
 public:
  explicit ParsedRulesCache(std::size_t max_entries = 1024) : max_entries_(max_entries) {}
  ParsedRulesCache(const ParsedRulesCache&) = delete;
  ParsedRulesCache& operator=(const ParsedRulesCache&) = delete;

  domain::AvailabilityRules rules(const AvailabilityRecord& record);
  std::size_t size();

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, domain::AvailabilityRules> parsed_by_text_;
  std::size_t max_entries_;
};

}  // namespace confer::app
