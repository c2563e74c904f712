#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "app/ports/storage_failure.hpp"
#include "store/database.hpp"

namespace confer::http {
namespace {

Response answer_to(const std::function<void()>& fail) {
  try {
    fail();
  } catch (...) {
    return problem_for_current_exception();
  }
  ADD_FAILURE() << "nothing was thrown";
  return {};
}

std::string header(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "<absent>";
}

TEST(Problem, AnErrorKindIsAStatusTitleAndType) {
  auto response = problem_response(app::Error::invalid_field("email", "is required"));
  EXPECT_EQ(response.status, 422u);
  EXPECT_EQ(response.content_type, "application/problem+json");
  EXPECT_EQ(
      response.body,
      R"({"type":"https://confer.dev/problems/validation-failed","title":"Validation failed",)"
      R"("status":422,"detail":"Some fields are not valid.",)"
      R"("errors":{"email":["is required"]}})");
}

TEST(Problem, AnAppErrorAnswersAsItself) {
  auto response = answer_to([] { throw app::Error::too_many_requests("Slow down.", 30); });
  EXPECT_EQ(response.status, 429u);
  EXPECT_EQ(header(response, "Retry-After"), "30");
  response = answer_to([] { throw app::Error::unauthenticated(); });
  EXPECT_EQ(response.status, 401u);
  EXPECT_EQ(header(response, "WWW-Authenticate"), "Bearer realm=\"confer\"");
}

// http knows no store: any storage adapter's failure says what it means.
TEST(Problem, AStorageFailureAnswersAsItsErrorSays) {
  struct Taken : app::ports::StorageFailure {
    Taken() : StorageFailure("duplicate key") {}
    app::Error as_error() const override { return app::Error::conflict("Taken."); }
  };
  auto response = answer_to([] { throw Taken(); });
  EXPECT_EQ(response.status, 409u);
  EXPECT_EQ(boost::json::parse(response.body).at("detail"), "Taken.");
}

TEST(Problem, DatabaseFailuresAnswerAsFromDbErrorSays) {
  using store::DbError;
  using store::DbErrorKind;
  auto clash = answer_to([] { throw DbError(DbErrorKind::unique_violation, "dup"); });
  EXPECT_EQ(clash.status, 409u);
  EXPECT_EQ(header(clash, "Retry-After"), "<absent>");
  auto full = answer_to([] { throw DbError(DbErrorKind::storage_full, "disk full"); });
  EXPECT_EQ(full.status, 507u);
  EXPECT_EQ(header(full, "Retry-After"), "60");
  EXPECT_EQ(boost::json::parse(full.body).at("type"), "https://confer.dev/problems/storage-full");
  auto busy = answer_to([] { throw DbError(DbErrorKind::connection, "server closed"); });
  EXPECT_EQ(busy.status, 503u);
  EXPECT_EQ(header(busy, "Retry-After"), "1");
  auto other = answer_to([] { throw DbError(DbErrorKind::other, "syntax error at SELEC"); });
  EXPECT_EQ(other.status, 500u);
  EXPECT_EQ(other.body.find("SELEC"), std::string::npos);
}

TEST(Problem, AnyOtherExceptionIsA500ThatShowsNothing) {
  auto response = answer_to([] { throw std::runtime_error("stored Zoom tokens do not open"); });
  EXPECT_EQ(response.status, 500u);
  EXPECT_EQ(boost::json::parse(response.body).at("detail"), "Something went wrong.");
}

}  // namespace
}  // namespace confer::http
