#include <boost/json.hpp>

#include "app/booking_service.hpp"
#include "app/email_layout.hpp"
#include "app/errors.hpp"
#include "app/manage_links.hpp"
#include "domain/local_time.hpp"
#include "domain/money.hpp"
#include "domain/receipt_number.hpp"
#include "domain/slot_id.hpp"
#include "http/idempotency.hpp"
#include "http/json_body.hpp"
#include "http/json_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"
#include "log.hpp"

namespace confer::http {
namespace {

boost::json::value optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? boost::json::value(iso_utc(*ms)) : boost::json::value(nullptr);
}
boost::json::value optional_text(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

// A booking as `viewer_id` sees it: the specialist's private notes only for
// the specialist; the join link only once confirmed.
boost::json::object booking_json(const app::BookingView& v, const std::string& viewer_id) {
  const auto& b = v.booking;
  boost::json::object json{
      {"id", b.id},
      {"status", domain::to_string(b.status)},
      {"slotId", b.slot_id},
      {"specialistId", b.specialist_id},
      {"customerId", b.customer_id},
      {"serviceId", b.service_id},
      {"start", iso_utc(b.start_at)},
      {"end", iso_utc(b.end_at)},
      {"bookedAt", iso_utc(b.created_at)},
      {"holdExpiresAt", optional_time(b.hold_expires_at)},
      {"customerNotes", b.customer_notes},
      {"sharedNotes", b.shared_notes},
      {"cancellationType", b.cancelled_by ? boost::json::value(domain::to_string(*b.cancelled_by))
                                          : boost::json::value(nullptr)},
      {"cancellationReason", optional_text(b.cancellation_reason)},
      {"cancelledAt", optional_time(b.cancelled_at)},
      {"rescheduledFrom", optional_text(b.rescheduled_from)},
      {"payment",
       {{"amount", b.price.amount},
        {"currency", b.price.currency},
        {"status", domain::to_string(b.payment_status)},
        {"refundAmount", b.refund_amount},
        {"refundRequestedAt", optional_time(b.refund_requested_at)}}},
      {"session",
       {{"startedAt", optional_time(b.session_started_at)},
        {"endedAt", optional_time(b.session_ended_at)},
        {"durationMinutes",
         b.session_started_at && b.session_ended_at
             ? boost::json::value((*b.session_ended_at - *b.session_started_at + 30'000) / 60'000)
             : boost::json::value(nullptr)}}},
      // The policy this booking was sold under (the service's may have
      // changed since; it applies to later bookings only).
      {"service",
       {{"id", v.service.id},
        {"title", v.service.title},
        {"duration", v.service.duration_minutes},
        {"cancellationPolicy",
         {{"deadlineHours", b.policy.deadline_hours},
          {"refund", domain::to_string(b.policy.late_refund)},
          {"refundPercentage", b.policy.late_refund_percentage}}}}},
      {"customerTimezone", b.customer_timezone.empty() ? v.customer.timezone : b.customer_timezone},
      {"receiptNumber", domain::receipt_number(b.id)},
      {"specialist",
       {{"id", v.specialist.id}, {"name", v.specialist.name}, {"timezone", v.specialist.timezone}}},
      {"customer",
       {{"id", v.customer.id}, {"name", v.customer.name}, {"timezone", v.customer.timezone}}},
      {"createdAt", iso_utc(b.created_at)},
      {"updatedAt", iso_utc(b.updated_at)}};
  if (viewer_id == b.specialist_id) json["specialistNotes"] = b.specialist_notes;
  const bool has_link = b.meeting_url && (b.status == domain::BookingStatus::confirmed ||
                                          b.status == domain::BookingStatus::in_progress);
  json["meeting"] = has_link ? boost::json::value({{"provider", optional_text(b.meeting_provider)},
                                                   {"joinUrl", *b.meeting_url}})
                             : boost::json::value(nullptr);
  // The host link starts the meeting as its host: the specialist's alone.
  if (has_link && v.meeting && v.meeting->host_url && viewer_id == b.specialist_id)
    json["meeting"].as_object()["hostUrl"] = *v.meeting->host_url;
  const auto& m = v.meeting;
  json["recording"] =
      m && m->recording_url
          ? boost::json::value(
                {{"id", optional_text(m->recording_id)},
                 {"url", *m->recording_url},
                 {"durationMinutes", m->recording_duration_minutes
                                         ? boost::json::value(*m->recording_duration_minutes)
                                         : boost::json::value(nullptr)},
                 {"expiresAt", optional_time(m->recording_expires_at)},
                 {"isPublic", m->recording_is_public}})
          : boost::json::value(nullptr);
  return json;
}

// The receipt's HTML escapes user text as the emails do.
using app::email::html_escape;

std::string money(std::int64_t amount, const std::string& currency) {
  auto known = domain::find_currency(currency);
  return known ? domain::format_money(amount, *known) : std::to_string(amount) + " " + currency;
}

Response receipt(const app::BookingView& v, bool html) {
  const auto& b = v.booking;
  const std::string number = domain::receipt_number(b.id);
  if (!html) {
    return Response::json(
        200, {{"receiptNumber", number},
              {"bookingId", b.id},
              {"issuedAt", iso_utc(b.confirmed_at.value_or(b.created_at))},
              {"customer", {{"name", v.customer.name}, {"email", v.customer.email}}},
              {"specialist", {{"name", v.specialist.name}}},
              {"service", {{"title", v.service.title}, {"duration", v.service.duration_minutes}}},
              {"start", iso_utc(b.start_at)},
              {"end", iso_utc(b.end_at)},
              {"status", domain::to_string(b.status)},
              {"amount", b.price.amount},
              {"currency", b.price.currency},
              {"amountFormatted", money(b.price.amount, b.price.currency)},
              {"paymentStatus", domain::to_string(b.payment_status)},
              {"refundAmount", b.refund_amount}});
  }
  std::string page =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Receipt " + number +
      "</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
      "color:#111}table{width:100%;border-collapse:collapse}td{padding:.4rem;border-bottom:1px "
      "solid #ddd}td:last-child{text-align:right}@media print{button{display:none}}</style>"
      "</head><body><h1>Confer receipt</h1><p>Receipt " +
      number + "</p><table>" + "<tr><td>Customer</td><td>" + html_escape(v.customer.name) +
      " &lt;" + html_escape(v.customer.email) + "&gt;</td></tr>" + "<tr><td>Specialist</td><td>" +
      html_escape(v.specialist.name) + "</td></tr>" + "<tr><td>Service</td><td>" +
      html_escape(v.service.title) + " (" + std::to_string(v.service.duration_minutes) +
      " min)</td></tr>" + "<tr><td>Time (UTC)</td><td>" + iso_utc(b.start_at) + " – " +
      iso_utc(b.end_at) + "</td></tr>" + "<tr><td>Status</td><td>" +
      html_escape(domain::to_string(b.status)) + "</td></tr>" + "<tr><td>Amount</td><td>" +
      money(b.price.amount, b.price.currency) + "</td></tr>" + "<tr><td>Payment</td><td>" +
      html_escape(domain::to_string(b.payment_status)) + "</td></tr>" +
      (b.refund_amount > 0
           ? "<tr><td>Refund</td><td>" + money(b.refund_amount, b.price.currency) + "</td></tr>"
           : std::string()) +
      "</table></body></html>";
  return Response::text(200, "text/html; charset=utf-8", std::move(page));
}

std::string read_reason(const Request& request) {
  auto body = json_object_body(request);
  FieldReader reader(body);
  auto reason = reader.optional_string("reason", 0, 1000).value_or("");
  reader.finish();
  return reason;
}

boost::json::object refund_json(const domain::RefundDecision& refund, const std::string& currency) {
  return {{"amount", refund.amount},
          {"currency", currency},
          {"withinDeadline", refund.within_deadline},
          {"reason", refund.reason}};
}

Response cancellation_json(const app::Cancellation& c, const std::string& viewer) {
  auto json = booking_json(c.booking, viewer);
  json["refund"] = refund_json(c.refund, c.booking.booking.price.currency);
  return Response::json(200, json);
}

// What cancelling now would give back, before anyone confirms it.
Response cancellation_quote(app::BookingService& bookings, const std::string& user_id,
                            const std::string& booking_id) {
  auto refund = bookings.cancellation_quote(user_id, booking_id);
  auto booking = bookings.get(user_id, booking_id);
  return Response::json(200, {{"bookingId", booking_id},
                              {"refund", refund_json(refund, booking.booking.price.currency)},
                              {"paid", booking.booking.amount_paid()}});
}

// The cancellation is committed; now the money the policy grants moves. A
// provider that fails leaves the booking refund-pending, and the refund job
// written with the cancellation asks again: the cancellation itself stands.
app::Cancellation refund_now(app::BookingService& bookings, app::PaymentService& payments,
                             app::Cancellation cancelled, const std::string& user_id) {
  if (cancelled.refund.amount <= 0) return cancelled;
  const auto booking_id = cancelled.booking.booking.id;
  try {
    payments.settle_refund(booking_id);
  } catch (const app::Error& error) {
    if (error.kind() != app::ErrorKind::upstream) throw;
    log::warn("refund deferred to its job", {{"booking", booking_id}, {"error", error.what()}});
  }
  cancelled.booking = bookings.get(user_id, booking_id);
  return cancelled;
}

}  // namespace

void register_booking_routes(Router& router, app::BookingService& bookings,
                             app::PaymentService& payments, IdempotencyKeys& idempotency) {
  const auto signed_in = Access::signed_in();
  const auto customer = Access::roles({"customer"});
  const auto specialist = Access::roles({"specialist"});

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
      return Response::json(201, booking_json(view, request.caller().user_id))
          .with_header("Location", "/api/bookings/" + view.booking.id);
    });
  };
  router.add("POST", "/api/bookings", customer,
             [book](Request& request) { return book(request, std::nullopt); });
  router.add("POST", "/api/slots/:slotId/book", customer,
             [book](Request& request) { return book(request, request.param("slotId")); });

  router.add("GET", "/api/bookings", signed_in, [&bookings](Request& request) {
    app::BookingQuery query;
    const auto& caller = request.caller();
    auto role =
        request.query("role").value_or(caller.role == "specialist" ? "specialist" : "customer");
    if (role != "customer" && role != "specialist")
      throw app::Error::invalid_field("role", "must be customer or specialist");
    query.as_specialist = role == "specialist";
    if (auto status = request.query("status"); status && !status->empty()) {
      if (!domain::parse_booking_status(*status))
        throw app::Error::invalid_field("status",
                                        "must be pending, confirmed, in-progress, "
                                        "completed, cancelled or no-show");
      query.status = domain::parse_booking_status(*status);
    }
    if (auto when = request.query("when"); when && !when->empty()) {
      if (*when != "upcoming" && *when != "past")
        throw app::Error::invalid_field("when", "must be upcoming or past");
      query.upcoming = *when == "upcoming";
    }
    query.page = query_int(request, "page", 1, 1, 100000);
    query.page_size = query_int(request, "pageSize", 20, 1, 100);
    auto page = bookings.list(caller.user_id, query);
    boost::json::array items;
    for (const auto& view : page.items) items.push_back(booking_json(view, caller.user_id));
    return Response::json(200, {{"items", std::move(items)},
                                {"page", query.page},
                                {"pageSize", query.page_size},
                                {"total", page.total}});
  });

  router.add("GET", "/api/bookings/:bookingId", signed_in, [&bookings](Request& request) {
    const auto& user = request.caller().user_id;
    return Response::json(200, booking_json(bookings.get(user, request.param("bookingId")), user));
  });

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
        200, booking_json(bookings.update_notes(user, request.param("bookingId"), changes), user));
  });

  router.add(
      "DELETE", "/api/bookings/:bookingId", signed_in, [&bookings, &payments](Request& request) {
        const auto& user = request.caller().user_id;
        auto cancelled = bookings.cancel(user, request.param("bookingId"), read_reason(request));
        return cancellation_json(refund_now(bookings, payments, std::move(cancelled), user), user);
      });

  router.add(
      "GET", "/api/bookings/:bookingId/cancellation", signed_in, [&bookings](Request& request) {
        return cancellation_quote(bookings, request.caller().user_id, request.param("bookingId"));
      });

  router.add("GET", "/api/bookings/:bookingId/receipt", signed_in, [&bookings](Request& request) {
    auto view = bookings.get(request.caller().user_id, request.param("bookingId"));
    const bool html = request.query("format") == "html" ||
                      (request.header("Accept").find("text/html") != std::string_view::npos);
    return receipt(view, html);
  });

  router.add(
      "POST", "/api/bookings/:bookingId/reschedule", signed_in, [&bookings](Request& request) {
        auto body = json_object_body(request);
        FieldReader reader(body);
        auto slot = reader.required_string("slotId", 1, 200);
        reader.finish();
        const auto& user = request.caller().user_id;
        return Response::json(
            200, booking_json(bookings.reschedule(user, request.param("bookingId"), *slot), user));
      });

  router.add("POST", "/api/bookings/:bookingId/refund", customer, [&bookings](Request& request) {
    const auto& user = request.caller().user_id;
    auto result = bookings.request_refund(user, request.param("bookingId"), read_reason(request));
    auto response = cancellation_json(result, user);
    response.status = 202;
    return response;
  });

  auto session_route = [&](const char* path, auto action) {
    router.add("POST", path, specialist, [&bookings, action](Request& request) {
      const auto& user = request.caller().user_id;
      return Response::json(
          200, booking_json((bookings.*action)(user, request.param("bookingId")), user));
    });
  };
  session_route("/api/bookings/:bookingId/session/start", &app::BookingService::start_session);
  session_route("/api/bookings/:bookingId/session/end", &app::BookingService::end_session);
  session_route("/api/bookings/:bookingId/no-show", &app::BookingService::mark_no_show);

  // Session history: completed and running sessions, with shared notes.
  router.add("GET", "/api/sessions", signed_in, [&bookings](Request& request) {
    const auto& caller = request.caller();
    boost::json::array items;
    for (const char* status : {"in-progress", "completed"}) {
      app::BookingQuery query;
      query.as_specialist = caller.role == "specialist";
      query.status = domain::parse_booking_status(status);
      query.page_size = 100;
      for (const auto& view : bookings.list(caller.user_id, query).items)
        items.push_back(booking_json(view, caller.user_id));
    }
    return Response::json(200, {{"items", std::move(items)}});
  });
}

}  // namespace confer::http

namespace confer::http {

// The manage-booking link from the emails: one booking as its reader sees
// it, with cancel and reschedule, authorised by the signed token alone. A
// customer's link acts as the customer, a specialist's as the specialist.
void register_manage_routes(Router& router, app::BookingService& bookings,
                            app::PaymentService& payments, const app::ManageLinks& links,
                            const app::Clock& clock) {
  // The user on behalf of whom the link acts, and the booking.
  auto holder_of = [&bookings, &links, &clock](const Request& request) {
    auto grant = links.verify(request.param("token"), clock.now_ms());
    if (!grant) throw app::Error::not_found("This manage link (it may have expired)");
    auto user = bookings.party_of(grant->booking_id, grant->party);
    if (!user) throw app::Error::not_found("The booking");
    return std::pair{*user, grant->booking_id};
  };
  router.add("GET", "/api/manage/:token", Access::anyone(), [&, holder_of](Request& request) {
    auto [user, booking_id] = holder_of(request);
    auto json = booking_json(bookings.get(user, booking_id), user);
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
        auto cancelled = bookings.cancel(user, booking_id, read_reason(request));
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
                   200, booking_json(bookings.reschedule(user, booking_id, *slot), user));
             });
}

}  // namespace confer::http
