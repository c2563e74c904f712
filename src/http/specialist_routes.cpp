#include <boost/json.hpp>

#include "app/errors.hpp"
#include "app/specialist_directory.hpp"
#include "domain/instant_format.hpp"
#include "domain/money.hpp"
#include "http/json/availability.hpp"
#include "http/json/money.hpp"
#include "http/json/page.hpp"
#include "http/json/profile.hpp"
#include "http/json/service.hpp"
#include "http/json/slot.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

namespace confer::http {
namespace {

// The marketplace query a request asks for (checked).
app::DirectoryQuery directory_query(const Request& request) {
  app::DirectoryQuery query;
  query.filter.text = request.query("q").value_or("");
  query.filter.specialty = request.query("specialty").value_or("");
  query.filter.language = request.query("language").value_or("");
  query.filter.min_price = query_int64(request, "minPrice", 0, 1'000'000'000);
  query.filter.max_price = query_int64(request, "maxPrice", 0, 1'000'000'000);
  if (auto currency = request.query("currency"); currency && !currency->empty()) {
    if (!domain::find_currency(*currency))
      throw app::Error::invalid_field("currency", "must be an ISO 4217 code such as USD");
    query.filter.currency = currency;
  }
  if (query.filter.text.size() > 100)
    throw app::Error::invalid_field("q", "must be at most 100 characters");
  query.available_on = query_date(request, "availableOn");
  if (auto after = request.query("after"); after && !after->empty()) query.after = *after;
  if (auto sort = request.query("sort"); sort && !sort->empty()) {
    if (*sort == "soonest")
      query.order = app::DirectoryOrder::soonest;
    else if (*sort != "name")
      throw app::Error::invalid_field("sort", "must be name or soonest");
  }
  query.page = query_int(request, "page", 1, 1, 10000);
  query.page_size = query_int(request, "pageSize", 20, 1, 100);
  return query;
}

// One specialist's public page: profile, services, the next free times.
Response specialist_page(const Request& request, app::SpecialistDirectory& directory,
                         app::ServiceCatalog& catalog, app::AvailabilityService& availability) {
  const auto& id = request.param("specialistId");
  auto entry = directory.get(id);
  auto profile = json::public_profile(entry);
  boost::json::array services;
  const auto viewer = request.principal() ? request.principal()->user_id : "";
  for (const auto& service : catalog.list(id, viewer)) {
    services.push_back(json::service(service));
    if (service.published && (!entry.lowest_price || service.price < *entry.lowest_price)) {
      entry.lowest_price = service.price;
      entry.lowest_price_currency = service.currency;
    }
  }
  if (entry.lowest_price)
    profile["priceFrom"] = json::money(*entry.lowest_price, entry.lowest_price_currency);
  profile["serviceCount"] = services.size();
  profile["services"] = std::move(services);
  // The next few free times, so the profile can show them at once.
  auto next = availability.slots(id, std::nullopt, {}, false);
  std::vector<std::pair<domain::Instant, std::string>> upcoming;
  for (const auto& s : next.services)
    for (std::size_t i = 0; i < s.slots.size() && i < 5; ++i)
      upcoming.emplace_back(s.slots[i].start, s.service.id);
  std::sort(upcoming.begin(), upcoming.end());
  boost::json::array next_json;
  for (std::size_t i = 0; i < upcoming.size() && i < 5; ++i)
    next_json.push_back(json::slot_start(upcoming[i].first, upcoming[i].second));
  profile["nextAvailable"] = std::move(next_json);
  profile["availabilityTimezone"] = next.timezone;
  return Response::json(200, profile);
}

}  // namespace

void register_specialist_routes(Router& router, app::SpecialistDirectory& specialists,
                                app::AvailabilityService& availability,
                                app::ServiceCatalog& catalog) {
  auto* directory = &specialists;

  router.add("GET", "/api/specialists", Access::anyone(), [directory](Request& request) {
    auto query = directory_query(request);
    auto page = directory->search(query);
    boost::json::array items;
    for (const auto& entry : page.items) {
      auto item = json::public_profile(entry);
      item["nextAvailableAt"] = entry.next_available_at
                                    ? boost::json::value(domain::format_utc(
                                          domain::from_unix_ms(*entry.next_available_at)))
                                    : boost::json::value(nullptr);
      items.push_back(std::move(item));
    }
    return Response::json(200, json::page(std::move(items), query.page, query.page_size, page.total,
                                          page.next_after));
  });

  router.add("GET", "/api/specialists/:specialistId", Access::anyone(),
             [directory, &catalog, &availability](Request& request) {
               return specialist_page(request, *directory, catalog, availability);
             });

  router.add("GET", "/api/specialists/:specialistId/availability", Access::anyone(),
             [directory, &availability](Request& request) {
               const auto& id = request.param("specialistId");
               directory->get(id);  // 404 for someone who is not a specialist
               auto view = availability.find(id);
               if (!view) throw app::Error::not_found("This specialist's availability");
               return Response::json(200, json::public_availability(*view));
             });
}

}  // namespace confer::http
