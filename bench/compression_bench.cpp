// What compressing an answer costs, per coding and level, on a real slot list
// (90 days of 30-minute slots, 8 hours a day, ~300 KB of JSON, as the issue
// measured) and on a 20-card marketplace page (~10 KB). The levels the server
// uses for answers made per request (gzip 5, brotli 4: http/compression.cpp)
// are the ones that keep most of the size gain for a few milliseconds at most.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <string>

#include "domain/instant_format.hpp"
#include "domain/slot_engine.hpp"
#include "http/compression.hpp"
#include "http/json/slot.hpp"

namespace {

using namespace confer;

std::string ninety_day_slot_list() {
  auto rules_json = boost::json::parse(R"({"timezone":"America/New_York","workingHours":{
    "monday":{"start":"09:00","end":"17:00"},"tuesday":{"start":"09:00","end":"17:00"},
    "wednesday":{"start":"09:00","end":"17:00"},"thursday":{"start":"09:00","end":"17:00"},
    "friday":{"start":"09:00","end":"17:00"}},"maxAdvanceBooking":120,"slotDuration":[30]})");
  auto rules = std::get<domain::AvailabilityRules>(domain::parse_availability(rules_json));
  auto first = *domain::parse_local_date("2026-02-21");
  domain::SlotQuery query{first, first + date::days{89}, 30,
                          *domain::parse_instant("2026-02-20T12:00:00Z")};
  auto slots = domain::compute_slots(rules, domain::find_zone("America/New_York"), query, {}, {});
  http::json::SlotListing listing{"6f1c2a9e-8a43-4c1e-9b0a-1d2e3f4a5b6c",
                                  "0b7d9c8e-2f1a-4e3d-8c5b-6a7f8e9d0c1b", 30, 4500, "USD"};
  domain::WallClock viewer(domain::find_zone("Europe/Berlin"));
  std::string body = R"({"timezone":"Europe/Berlin","slots":[)";
  http::json::append_slots(body, slots, listing, viewer);
  return body + "]}";
}

std::string marketplace_page() {
  std::string body = R"({"items":[)";
  for (int i = 0; i < 20; ++i)
    body += R"({"id":"6f1c2a9e-8a43-4c1e-9b0a-)" + std::to_string(100000000000 + i * 7919) +
            R"(","name":"Specialist )" + std::to_string(i * 31) +
            R"(","headline":"Career coaching for engineers moving into management","specialties":)"
            R"(["career","leadership"],"languages":["en","de"],"timezone":"Europe/Berlin",)"
            R"("photoUrl":null,"priceFrom":{"amount":)" +
            std::to_string(4000 + i * 250) + R"(,"currency":"EUR"},"nextAvailableAt":"2026-12-0)" +
            std::to_string(3 + i % 6) + R"(T09:30:00Z"},)";
  body.back() = ']';
  return body + R"(,"total":10000,"nextAfter":"Specialist 589"})";
}

void compress_body(benchmark::State& state, const std::string& body, bool brotli) {
  const int level = static_cast<int>(state.range(0));
  std::size_t size = 0;
  for (auto _ : state) {
    auto out = brotli ? http::brotli_compress(body, level) : http::gzip_compress(body, level);
    size = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["in_bytes"] = static_cast<double>(body.size());
  state.counters["out_bytes"] = static_cast<double>(size);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

void BM_GzipSlotList90Days(benchmark::State& state) {
  static const auto body = ninety_day_slot_list();
  compress_body(state, body, false);
}
BENCHMARK(BM_GzipSlotList90Days)->Arg(1)->Arg(5)->Arg(9)->Unit(benchmark::kMicrosecond);

void BM_BrotliSlotList90Days(benchmark::State& state) {
  static const auto body = ninety_day_slot_list();
  compress_body(state, body, true);
}
BENCHMARK(BM_BrotliSlotList90Days)->Arg(1)->Arg(4)->Arg(6)->Unit(benchmark::kMicrosecond);

void BM_GzipMarketplacePage(benchmark::State& state) {
  static const auto body = marketplace_page();
  compress_body(state, body, false);
}
BENCHMARK(BM_GzipMarketplacePage)->Arg(5)->Unit(benchmark::kMicrosecond);

void BM_BrotliMarketplacePage(benchmark::State& state) {
  static const auto body = marketplace_page();
  compress_body(state, body, true);
}
BENCHMARK(BM_BrotliMarketplacePage)->Arg(4)->Unit(benchmark::kMicrosecond);

}  // namespace
