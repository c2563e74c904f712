#include "store/db_errors.hpp"

#include <gtest/gtest.h>

namespace confer::store {
namespace {

using app::ErrorKind;

TEST(FromDbError, AClashWithExistingRowsIsAConflict) {
  for (auto kind : {DbErrorKind::unique_violation, DbErrorKind::exclusion_violation}) {
    auto error = from_db_error(DbError(kind, "duplicate key value", "users_email_key"));
    EXPECT_EQ(error.kind(), ErrorKind::conflict);
    EXPECT_EQ(error.detail(), "This clashes with something that exists.");
    EXPECT_EQ(error.retry_after_seconds(), std::nullopt);
  }
}

TEST(FromDbError, AFullDiskSaysNothingWasSavedAndToComeBackInAMinute) {
  auto error = from_db_error(DbError(DbErrorKind::storage_full, "database or disk is full"));
  EXPECT_EQ(error.kind(), ErrorKind::storage_full);
  EXPECT_EQ(error.detail(), "The server's storage is full, so nothing was saved. Try again later.");
  EXPECT_EQ(error.retry_after_seconds(), 60);
}

TEST(FromDbError, ABusyOrUnreachableDatabaseIsUnavailableForASecond) {
  for (auto kind : {DbErrorKind::busy, DbErrorKind::connection}) {
    auto error = from_db_error(DbError(kind, "could not connect"));
    EXPECT_EQ(error.kind(), ErrorKind::unavailable);
    EXPECT_EQ(error.detail(), "The service is busy. Try again shortly.");
    EXPECT_EQ(error.retry_after_seconds(), 1);
  }
}

TEST(FromDbError, AnythingElseIsInternalAndShowsNothingOfTheDatabase) {
  for (auto kind :
       {DbErrorKind::foreign_key_violation, DbErrorKind::check_violation, DbErrorKind::other}) {
    auto error = from_db_error(DbError(kind, "secret table name"));
    EXPECT_EQ(error.kind(), ErrorKind::internal);
    EXPECT_EQ(error.detail(), "Something went wrong.");
  }
}

}  // namespace
}  // namespace confer::store
