#pragma once
// What runs a durable job: a handler registered for the job's kind (see
// jobs/worker.hpp, which runs them, and app/ports/job_queue.hpp).
#include <functional>
#include <stdexcept>

#include "app/ports/records.hpp"

namespace confer::app {

// A handler throws this when trying again cannot help (the job is buried at
// once); any other exception means "try again later".
class PermanentFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using JobHandler = std::function<void(const JobRecord&)>;

}  // namespace confer::app
