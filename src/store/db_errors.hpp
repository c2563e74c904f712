#pragma once
// What a failed database statement means to whoever called a use case. This
// is the one translation of store::DbError kinds into app::Error kinds;
// a DbError answers as_error() with it, and http/problem.cpp applies that
// (app::ports::StorageFailure) to whatever a request lets escape. A use case
// that expects a particular failure (a taken email, an event seen before)
// catches that DbError itself and says what it means there.
#include "app/errors.hpp"
#include "store/database.hpp"

namespace confer::store {

// A clash with existing rows (a unique or exclusion constraint) is a
// conflict; a full disk is storage_full and a busy or unreachable database
// is unavailable, both with the seconds to wait; anything else is internal.
app::Error from_db_error(const DbError& error);

}  // namespace confer::store
