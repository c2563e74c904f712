#include "http/json_body.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/errors.hpp"
#include "http/account_requests.hpp"

namespace confer::http {
namespace {

app::ErrorKind kind_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const app::Error& error) {
    return error.kind();
  }
  ADD_FAILURE() << "no app::Error thrown";
  return app::ErrorKind::internal;
}

std::vector<std::string> failed_fields(const std::function<void()>& action) {
  try {
    action();
  } catch (const app::Error& error) {
    std::vector<std::string> fields;
    for (const auto& field : error.fields()) fields.push_back(field.field);
    return fields;
  }
  return {};
}

TEST(ParseJsonText, RejectsMalformedAndTooDeepInput) {
  EXPECT_EQ(kind_of([] { parse_json_text("{\"a\":"); }), app::ErrorKind::bad_request);
  EXPECT_EQ(kind_of([] { parse_json_text(std::string(33, '[') + std::string(33, ']')); }),
            app::ErrorKind::bad_request);
  EXPECT_NO_THROW(parse_json_text(std::string(31, '[') + std::string(31, ']')));
}

TEST(Utf8Length, CountsCodePointsAndRejectsBrokenText) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("\xc3\xa9\xc3\xa9"), 2u);  // éé
  EXPECT_EQ(utf8_length("\xf0\x9f\x98\x80"), 1u);  // one emoji
  EXPECT_EQ(utf8_length("\xc3"), std::nullopt);    // truncated
  EXPECT_EQ(utf8_length("\x80"), std::nullopt);    // stray continuation
}

TEST(FieldReader, CollectsEveryBadFieldAtOnce) {
  auto body = boost::json::parse(R"({"name": "", "age": "x", "tags": [1]})").as_object();
  FieldReader reader(body);
  reader.required_string("name", 1, 10);
  reader.required_integer("age", 0, 150);
  reader.optional_string_list("tags", 5, 10);
  reader.required_string("missing", 1, 10);
  std::vector<std::string> fields;
  for (const auto& error : reader.errors()) fields.push_back(error.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "age", "tags", "missing"}));
  EXPECT_THROW(reader.finish(), app::Error);
}

TEST(FieldReader, RefusesNulCharactersInTextAndLists) {
  // PostgreSQL would store "Ada" and drop the rest; SQLite all of it.
  auto body = boost::json::parse(R"({"name": "Ada\u0000Lovelace", "tags": ["ok", "b\u0000d"]})")
                  .as_object();
  FieldReader reader(body);
  EXPECT_EQ(reader.required_string("name", 1, 50), std::nullopt);
  EXPECT_EQ(reader.optional_string_list("tags", 5, 10), std::nullopt);
  ASSERT_EQ(reader.errors().size(), 2u);
  EXPECT_EQ(reader.errors()[0].field, "name");
  EXPECT_NE(reader.errors()[0].message.find("NUL"), std::string::npos);
  EXPECT_EQ(reader.errors()[1].field, "tags");
}

TEST(FieldReader, TrimsStringsAndChecksIntegerRanges) {
  auto body = boost::json::parse(R"({"name": "  Ada  ", "n": 7, "big": 7.5})").as_object();
  FieldReader reader(body);
  EXPECT_EQ(reader.required_string("name", 1, 10), "Ada");
  EXPECT_EQ(reader.required_integer("n", 0, 10), 7);
  EXPECT_EQ(reader.required_integer("n", 8, 10), std::nullopt);
  EXPECT_EQ(reader.required_integer("big", 0, 10), std::nullopt);
}

TEST(ReadSignup, AcceptsAValidBodyAndNormalizesTheEmail) {
  auto body = boost::json::parse(
                  R"({"email": " Ada@Example.COM ", "password": "correct horse battery",
                      "name": "Ada", "role": "specialist", "timezone": "Asia/Kolkata"})")
                  .as_object();
  auto input = read_signup(body);
  EXPECT_EQ(input.email, "ada@example.com");
  EXPECT_EQ(input.role, "specialist");
  EXPECT_EQ(input.timezone, "Asia/Kolkata");
}

TEST(ReadSignup, RefusesAdminRoleUnknownZoneShortPasswordAndBadEmail) {
  auto body = boost::json::parse(
                  R"({"email": "not-an-email", "password": "short", "name": "Eve",
                      "role": "admin", "timezone": "Mars/Olympus"})")
                  .as_object();
  auto fields = failed_fields([&] { read_signup(body); });
  EXPECT_EQ(fields, (std::vector<std::string>{"email", "password", "role", "timezone"}));
}

TEST(ReadSignup, DefaultsTheZoneToUtc) {
  auto body = boost::json::parse(
                  R"({"email": "a@b.co", "password": "twelve chars!", "name": "A",
                      "role": "customer"})")
                  .as_object();
  EXPECT_EQ(read_signup(body).timezone, "UTC");
}

TEST(ReadAccountChanges, RefusesRoleAndEmail) {
  auto body = boost::json::parse(R"({"role": "admin", "email": "x@y.z"})").as_object();
  auto fields = failed_fields([&] { read_account_changes(body); });
  EXPECT_EQ(fields, (std::vector<std::string>{"role", "email"}));
}

TEST(ReadProfileChanges, ChecksPhotoUrlAndLanguageTags) {
  auto body = boost::json::parse(
                  R"json({"photoUrl": "javascript:alert(1)", "languages": ["en", "<b>"]})json")
                  .as_object();
  auto fields = failed_fields([&] { read_profile_changes(body); });
  EXPECT_EQ(fields, (std::vector<std::string>{"languages", "photoUrl"}));
  auto clear = boost::json::parse(R"({"photoUrl": null})").as_object();
  auto changes = read_profile_changes(clear);
  ASSERT_TRUE(changes.photo_url.has_value());
  EXPECT_FALSE(changes.photo_url->has_value());
}

}  // namespace
}  // namespace confer::http
