#include "http/json/slot.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/service_repo.hpp"

namespace confer::http::json {
namespace {

using domain::SlotStatus;

// 2027-01-15T08:00:00Z, 03:00 in New York.
const domain::Instant t0{std::chrono::seconds{1'800'000'000}};
constexpr std::chrono::minutes minutes{1};

app::ServiceRecord service_record(std::string id, int duration, std::int64_t price) {
  app::ServiceRecord service;
  service.id = std::move(id);
  service.specialist_id = "s1";
  service.duration_minutes = duration;
  service.price = price;
  service.currency = "USD";
  return service;
}

TEST(SlotJson, AListMergesTheServicesInTimeOrderWithLocalTimesOfTheViewer) {
  app::SlotComputation computed;
  computed.specialist_id = "s1";
  computed.timezone = "Europe/Berlin";
  computed.services.push_back({service_record("svcA", 30, 5000),
                               {{t0, t0 + 30 * minutes, SlotStatus::available},
                                {t0 + 60 * minutes, t0 + 90 * minutes, SlotStatus::booked}}});
  computed.services.push_back({service_record("svcB", 60, 9000),
                               {{t0 + 30 * minutes, t0 + 90 * minutes, SlotStatus::blocked}}});
  computed.next_after = t0 + 120 * minutes;
  const auto body = slot_list(computed, "America/New_York");
  EXPECT_EQ(body, R"({"timezone":"America/New_York","specialistTimezone":"Europe/Berlin",)"
                  R"("specialistId":"s1","slots":[)"
                  R"({"id":"svcA.1800000000","start":"2027-01-15T08:00:00Z",)"
                  R"("end":"2027-01-15T08:30:00Z","startLocal":"2027-01-15T03:00:00-05:00",)"
                  R"("duration":30,"price":5000,"currency":"USD","serviceId":"svcA",)"
                  R"("status":"available"},)"
                  R"({"id":"svcB.1800001800","start":"2027-01-15T08:30:00Z",)"
                  R"("end":"2027-01-15T09:30:00Z","startLocal":"2027-01-15T03:30:00-05:00",)"
                  R"("duration":60,"price":9000,"currency":"USD","serviceId":"svcB",)"
                  R"("status":"blocked"},)"
                  R"({"id":"svcA.1800003600","start":"2027-01-15T09:00:00Z",)"
                  R"("end":"2027-01-15T09:30:00Z","startLocal":"2027-01-15T04:00:00-05:00",)"
                  R"("duration":30,"price":5000,"currency":"USD","serviceId":"svcA",)"
                  R"("status":"booked"}],"nextAfter":"2027-01-15T10:00:00Z"})");
  EXPECT_NO_THROW(boost::json::parse(body));
}

TEST(SlotJson, AnEmptyListThatIsComplete) {
  app::SlotComputation computed;
  computed.specialist_id = "s1";
  computed.timezone = "UTC";
  EXPECT_EQ(slot_list(computed, "UTC"),
            R"({"timezone":"UTC","specialistTimezone":"UTC","specialistId":"s1",)"
            R"("slots":[],"nextAfter":null})");
}

TEST(SlotJson, OneSlotAlsoNamesItsSpecialist) {
  app::SlotCheck check{service_record("svcA", 30, 5000),
                       {t0, t0 + 30 * minutes, SlotStatus::available}};
  EXPECT_EQ(boost::json::serialize(slot(check, "Asia/Kolkata")),
            R"({"id":"svcA.1800000000","start":"2027-01-15T08:00:00Z",)"
            R"("end":"2027-01-15T08:30:00Z","startLocal":"2027-01-15T13:30:00+05:30",)"
            R"("duration":30,"price":5000,"currency":"USD","serviceId":"svcA",)"
            R"("specialistId":"s1","status":"available"})");
}

TEST(SlotJson, AFreeTimeByItsStart) {
  EXPECT_EQ(boost::json::serialize(slot_start(t0, "svcA")),
            R"({"start":"2027-01-15T08:00:00Z","serviceId":"svcA","slotId":"svcA.1800000000"})");
}

}  // namespace
}  // namespace confer::http::json
