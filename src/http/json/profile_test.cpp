#include "http/json/profile.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

app::UserRecord grace() {
  app::UserRecord user;
  user.id = "s1";
  user.email = "grace@example.com";
  user.name = "Grace";
  user.role = "specialist";
  user.timezone = "America/New_York";
  return user;
}

app::SpecialistProfileRecord profile_record() {
  app::SpecialistProfileRecord profile;
  profile.user_id = "s1";
  profile.headline = "Compilers";
  profile.bio = "Navy.";
  profile.specialties_json = R"(["cobol","compilers"])";
  profile.languages_json = R"(["en"])";
  return profile;
}

TEST(ProfileJson, TheOwnerSeesTheProfileUnderUserId) {
  EXPECT_EQ(boost::json::serialize(own_profile({grace(), profile_record()})),
            R"({"userId":"s1","name":"Grace","headline":"Compilers","bio":"Navy.",)"
            R"("specialties":["cobol","compilers"],"languages":["en"],)"
            R"("timezone":"America/New_York","photoUrl":null})");
}

TEST(ProfileJson, ThePublicSeesIdServicesAndThePriceFromNeverTheEmail) {
  app::ports::DirectoryEntry entry{grace(), profile_record(), 4500, "EUR", 2, std::nullopt};
  entry.profile.photo_url = "https://example.com/g.png";
  EXPECT_EQ(boost::json::serialize(public_profile(entry)),
            R"({"id":"s1","name":"Grace","headline":"Compilers","bio":"Navy.",)"
            R"("specialties":["cobol","compilers"],"languages":["en"],)"
            R"("timezone":"America/New_York","serviceCount":2,)"
            R"("photoUrl":"https://example.com/g.png",)"
            R"("priceFrom":{"amount":4500,"currency":"EUR"}})");
}

TEST(ProfileJson, NoPublishedServiceMeansNoPriceFrom) {
  app::ports::DirectoryEntry entry{grace(), profile_record(), std::nullopt, "", 0, std::nullopt};
  EXPECT_EQ(public_profile(entry).at("priceFrom"), boost::json::value(nullptr));
}

}  // namespace
}  // namespace confer::http::json
