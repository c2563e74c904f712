#pragma once
// Runs the Python oracles under tests/oracle (independent implementations of
// time zones and RFC 5545) for the property tests that compare against them.
#include <string>
#include <vector>

namespace confer::domain::testing {

// Runs tests/oracle/<script> with `input` on stdin; returns its output lines.
std::vector<std::string> run_oracle(const std::string& script, const std::string& input);

// Whether Debian's python3 can import `module` (tests skip without it).
bool python_has(const char* module);

}  // namespace confer::domain::testing
