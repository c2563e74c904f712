#include <boost/json.hpp>

#include "app/bookings/booking_use_cases.hpp"
#include "app/errors.hpp"
#include "app/manage_links.hpp"
#include "domain/local_time.hpp"
#include "domain/slot_id.hpp"
#include "http/booking_receipt.hpp"
#include "http/idempotency.hpp"
#include "http/json/booking.hpp"
#include "http/json/page.hpp"
#include "http/json_body.hpp"
#include "http/json_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"
#include "log.hpp"

namespace confer::http {
namespace {

std::string read_reason(const Request& request) {
  auto body = json_object_body(request);
  FieldReader reader(body);
  auto reason = reader.optional_string("reason", 0, 1000).value_or("");
  reader.finish();
  return reason;
}

Response cancellation_json(const app::Cancellation& c, const std::string& viewer) {
  auto json = json::booking(c.booking, viewer);
  json["refund"] = json::refund(c.refund, c.booking.booking.price.currency);
  return Response::json(200, json);
}

// What cancelling now would give back, before anyone confirms it.
Response cancellation_quote(app::BookingUseCases& bookings, const std::string& user_id,
                            const std::string& booking_id) {
  auto refund = bookings.read.cancellation_quote(user_id, booking_id);
  auto booking = bookings.read.get(user_id, booking_id);
  return Response::json(200, {{"bookingId", booking_id},
                              {"refund", json::refund(refund, booking.booking.price.currency)},
                              {"paid", booking.booking.amount_paid()}});
}

// The cancellation is committed; now the money the policy grants moves. A
// provider that fails leaves the booking refund-pending, and the refund job
// written with the cancellation asks again: the cancellation itself stands.
app::Cancellation refund_now(app::BookingUseCases& bookings, app::PaymentUseCases& payments,
                             app::Cancellation cancelled, const std::string& user_id) {
  if (cancelled.refund.amount <= 0) return cancelled;
  const auto booking_id = cancelled.booking.booking.id;
  try {
    payments.refunds.settle(booking_id);
  } catch (const app::Error& error) {
    if (error.kind() != app::ErrorKind::upstream) throw;
    log::warn("refund deferred to its job", {{"booking", booking_id}, {"error", error.what()}});
  }
  cancelled.booking = bookings.read.get(user_id, booking_id);
  return cancelled;
}

// GET /api/bookings's filters: role, status, when, after (or page) and pageSize.
app::BookingQuery booking_query(const Request& request) {
  app::BookingQuery query;
  auto role = request.query("role").value_or(request.caller().role == "specialist" ? "specialist"
                                                                                   : "customer");
  if (role != "customer" && role != "specialist")
    throw app::Error::invalid_field("role", "must be customer or specialist");
  query.as_specialist = role == "specialist";
  if (auto status = request.query("status"); status && !status->empty()) {
    query.status = domain::parse_booking_status(*status);
    if (!query.status)
      throw app::Error::invalid_field("status",
                                      "must be pending, confirmed, in-progress, "
                                      "completed, cancelled or no-show");
  }
  if (auto when = request.query("when"); when && !when->empty()) {
    if (*when != "upcoming" && *when != "past")
      throw app::Error::invalid_field("when", "must be upcoming or past");
    query.upcoming = *when == "upcoming";
  }
  if (auto after = request.query("after"); after && !after->empty()) query.after = *after;
  query.page = query_int(request, "page", 1, 1, 100000);
  query.page_size = query_int(request, "pageSize", 20, 1, 100);
  return query;
}

// Booking a slot: once per Idempotency-Key.
void add_booking_creation(Router& router, app::BookingUseCases& bookings,
                          IdempotencyKeys& idempotency) {
  const auto customer = Access::roles({"customer"});
  auto book = [&bookings, &idempotency](Request& request, std::optional<std::string> slot) {
    return idempotency.run(request, [&] {
      auto body = json_object_body(request);
      FieldReader reader(body);
      if (!slot) slot = reader.required_string("slotId", 1, 200);
      auto notes = reader.optional_string("customerNotes", 0, 2000).value_or("");
      // The zone the customer picked the slot in, kept for their emails and pages.
      auto zone = reader.optional_string("timezone", 1, 64).value_or("");
      if (!zone.empty() && !domain::find_zone(zone))
        reader.add_error("timezone", "must be an IANA time zone such as Europe/Berlin");
      reader.finish();
      auto view = bookings.create(request.caller().user_id, *slot, notes, zone);
      return Response::json(201, json::booking(view, request.caller().user_id))
          .with_header("Location", "/api/bookings/" + view.booking.id);
    });
  };
  router.add("POST", "/api/bookings", customer,
             [book](Request& request) { return book(request, std::nullopt); });
  router.add("POST", "/api/slots/:slotId/book", customer,
             [book](Request& request) { return book(request, request.param("slotId")); });
}

// A party's list, one booking, its receipt, and their session history.
void add_booking_reads(Router& router, app::BookingUseCases& bookings) {
  const auto signed_in = Access::signed_in();
  router.add("GET", "/api/bookings", signed_in, [&bookings](Request& request) {
    const auto& caller = request.caller();
    const auto query = booking_query(request);
    auto page = bookings.read.list(caller.user_id, query);
    boost::json::array items;
    for (const auto& view : page.items) items.push_back(json::booking(view, caller.user_id));
    return Response::json(200, json::page(std::move(items), query.page, query.page_size, page.total,
                                          page.next_after));
  });

  router.add("GET", "/api/bookings/:bookingId", signed_in, [&bookings](Request& request) {
    const auto& user = request.caller().user_id;
    return Response::json(200,
                          json::booking(bookings.read.get(user, request.param("bookingId")), user));
  });

  router.add("GET", "/api/bookings/:bookingId/receipt", signed_in, [&bookings](Request& request) {
    auto view = bookings.read.get(request.caller().user_id, request.param("bookingId"));
    const bool html = request.query("format") == "html" ||
                      (request.header("Accept").find("text/html") != std::string_view::npos);
    return html ? Response::text(200, "text/html; charset=utf-8", receipt_html(view))
                : Response::json(200, json::receipt(view));
  });

  // Session history: completed and running sessions, with shared notes.
  router.add("GET", "/api/sessions", signed_in, [&bookings](Request& request) {
    const auto& caller = request.caller();
    boost::json::array items;
    for (const char* status : {"in-progress", "completed"}) {
      app::BookingQuery query;
      query.as_specialist = caller.role == "specialist";
      query.status = domain::parse_booking_status(status);
      query.page_size = 100;
      for (const auto& view : bookings.read.list(caller.user_id, query).items)
        items.push_back(json::booking(view, caller.user_id));
    }
    return Response::json(200, {{"items", std::move(items)}});
  });
}

// Notes, cancellation (with the refund it gives), reschedule, refund requests.
void add_booking_changes(Router& router, app::BookingUseCases& bookings,
                         app::PaymentUseCases& payments) {
  const auto signed_in = Access::signed_in();
  const auto customer = Access::roles({"customer"});
  router.add("PUT", "/api/bookings/:bookingId", signed_in, [&bookings](Request& request) {
    auto body = json_object_body(request);
    FieldReader reader(body);
    app::NoteChanges changes;
    for (auto [key, target] : {std::pair{"customerNotes", &changes.customer_notes},
                               std::pair{"specialistNotes", &changes.specialist_notes},
                               std::pair{"sharedNotes", &changes.shared_notes}})
      if (reader.has(key)) *target = reader.optional_string(key, 0, 10000).value_or("");
    reader.reject("status", "changes through cancel, reschedule or the session routes");
    reader.reject("start", "changes through POST /api/bookings/{bookingId}/reschedule");
    reader.finish();
    const auto& user = request.caller().user_id;
    return Response::json(
        200, json::booking(bookings.notes(user, request.param("bookingId"), changes), user));
  });

  router.add(
      "DELETE", "/api/bookings/:bookingId", signed_in, [&bookings, &payments](Request& request) {
        const auto& user = request.caller().user_id;
        auto cancelled =
            bookings.cancel.cancel(user, request.param("bookingId"), read_reason(request));
        return cancellation_json(refund_now(bookings, payments, std::move(cancelled), user), user);
      });

  router.add(
      "GET", "/api/bookings/:bookingId/cancellation", signed_in, [&bookings](Request& request) {
        return cancellation_quote(bookings, request.caller().user_id, request.param("bookingId"));
      });

  router.add(
      "POST", "/api/bookings/:bookingId/reschedule", signed_in, [&bookings](Request& request) {
        auto body = json_object_body(request);
        FieldReader reader(body);
        auto slot = reader.required_string("slotId", 1, 200);
        reader.finish();
        const auto& user = request.caller().user_id;
        return Response::json(
            200, json::booking(bookings.reschedule(user, request.param("bookingId"), *slot), user));
      });

  router.add("POST", "/api/bookings/:bookingId/refund", customer, [&bookings](Request& request) {
    const auto& user = request.caller().user_id;
    auto result =
        bookings.cancel.request_refund(user, request.param("bookingId"), read_reason(request));
    auto response = cancellation_json(result, user);
    response.status = 202;
    return response;
  });
}

// The specialist's session controls.
void add_session_routes(Router& router, app::BookingUseCases& bookings) {
  const auto specialist = Access::roles({"specialist"});
  auto session_route = [&](const char* path, auto action) {
    router.add("POST", path, specialist, [&bookings, action](Request& request) {
      const auto& user = request.caller().user_id;
      return Response::json(
          200, json::booking((bookings.sessions.*action)(user, request.param("bookingId")), user));
    });
  };
  session_route("/api/bookings/:bookingId/session/start", &app::BookingSessions::start);
  session_route("/api/bookings/:bookingId/session/end", &app::BookingSessions::end);
  session_route("/api/bookings/:bookingId/no-show", &app::BookingSessions::mark_no_show);
}

}  // namespace

void register_booking_routes(Router& router, app::BookingUseCases& bookings,
                             app::PaymentUseCases& payments, IdempotencyKeys& idempotency) {
  add_booking_creation(router, bookings, idempotency);
  add_booking_reads(router, bookings);
  add_booking_changes(router, bookings, payments);
  add_session_routes(router, bookings);
}

}  // namespace confer::http

namespace confer::http {

// The manage-booking link from the emails: one booking as its reader sees
// it, with cancel and reschedule, authorised by the signed token alone. A
// customer's link acts as the customer, a specialist's as the specialist.
void register_manage_routes(Router& router, app::BookingUseCases& bookings,
                            app::PaymentUseCases& payments, const app::ManageLinks& links,
                            const app::Clock& clock) {
  // The user on behalf of whom the link acts, and the booking.
  auto holder_of = [&bookings, &links, &clock](const Request& request) {
    auto grant = links.verify(request.param("token"), clock.now_ms());
    if (!grant) throw app::Error::not_found("This manage link (it may have expired)");
    auto user = bookings.read.party_of(grant->booking_id, grant->party);
    if (!user) throw app::Error::not_found("The booking");
    return std::pair{*user, grant->booking_id};
  };
  router.add("GET", "/api/manage/:token", Access::anyone(), [&, holder_of](Request& request) {
    auto [user, booking_id] = holder_of(request);
    auto json = json::booking(bookings.read.get(user, booking_id), user);
    json["viewer"] = user == json["customerId"].as_string() ? "customer" : "specialist";
    return Response::json(200, json);
  });
  router.add("GET", "/api/manage/:token/cancellation", Access::anyone(),
             [&, holder_of](Request& request) {
               auto [user, booking_id] = holder_of(request);
               return cancellation_quote(bookings, user, booking_id);
             });
  router.add(
      "POST", "/api/manage/:token/cancel", Access::anyone(), [&, holder_of](Request& request) {
        auto [user, booking_id] = holder_of(request);
        auto cancelled = bookings.cancel.cancel(user, booking_id, read_reason(request));
        return cancellation_json(refund_now(bookings, payments, std::move(cancelled), user), user);
      });
  router.add("POST", "/api/manage/:token/reschedule", Access::anyone(),
             [&, holder_of](Request& request) {
               auto [user, booking_id] = holder_of(request);
               auto body = json_object_body(request);
               FieldReader reader(body);
               auto slot = reader.required_string("slotId", 1, 200);
               reader.finish();
               return Response::json(
                   200, json::booking(bookings.reschedule(user, booking_id, *slot), user));
             });
}

}  // namespace confer::http
