#pragma once
// A write the database refused as a clash with what it holds (ports::Clash:
// a duplicate key, say two racing requests adding the same row), as the
// caller hears it: the conflict store::from_db_error gives a raw one.
#include <utility>

#include "app/errors.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

template <typename Work>
void clash_is_conflict(Work&& work) {
  try {
    std::forward<Work>(work)();
  } catch (const ports::Clash&) {
    throw Error::conflict("This clashes with something that exists.");
  }
}

}  // namespace confer::app
