#include "domain/testing/python_oracle.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace confer::domain::testing {
namespace {

// Debian's interpreter: the one that sees python3-dateutil (DESIGN.md).
const char* python = "/usr/bin/python3";

}  // namespace

std::vector<std::string> run_oracle(const std::string& script, const std::string& input) {
  auto in = std::filesystem::temp_directory_path() / ("confer-oracle-" + std::to_string(getpid()));
  std::ofstream(in) << input;
  std::string command = std::string(python) + " " + CONFER_SOURCE_DIR + "/tests/oracle/" + script +
                        " < " + in.string();
  std::vector<std::string> lines;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::string current;
    while (fgets(buffer, sizeof buffer, pipe)) {
      current += buffer;
      if (!current.empty() && current.back() == '\n') {
        current.pop_back();
        lines.push_back(current);
        current.clear();
      }
    }
    pclose(pipe);
  }
  std::filesystem::remove(in);
  return lines;
}

bool python_has(const char* module) {
  std::string command = std::string(python) + " -c 'import " + module + "' 2>/dev/null";
  return std::filesystem::exists(python) && std::system(command.c_str()) == 0;
}

}  // namespace confer::domain::testing
