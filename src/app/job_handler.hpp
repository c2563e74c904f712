#pragma once
// What a background job's handler is, as the use cases write them: a
// function of the job. The worker (src/jobs) runs them; app never sees it.
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "app/ports/records.hpp"

namespace confer::app {

// A handler throws this when trying again cannot help (the job is buried at
// once); any other exception means "try again later".
class PermanentFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using JobHandler = std::function<void(const JobRecord&)>;
// Job kinds and their handlers, for the worker to register.
using JobHandlers = std::vector<std::pair<std::string, JobHandler>>;

}  // namespace confer::app
