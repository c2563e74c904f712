#include "http/json/booking.hpp"

#include "domain/receipt_number.hpp"
#include "http/json/instant.hpp"
#include "http/json/money.hpp"
#include "http/json/nullable.hpp"

namespace confer::http::json {
namespace {

boost::json::object payment_part(const domain::Booking& b) {
  return {{"amount", b.price.amount},
          {"currency", b.price.currency},
          {"status", domain::to_string(b.payment_status)},
          {"refundAmount", b.refund_amount},
          {"refundRequestedAt", iso_utc_or_null(b.refund_requested_at)}};
}

boost::json::object session_part(const domain::Booking& b) {
  const bool ran = b.session_started_at && b.session_ended_at;
  return {{"startedAt", iso_utc_or_null(b.session_started_at)},
          {"endedAt", iso_utc_or_null(b.session_ended_at)},
          {"durationMinutes",
           ran ? boost::json::value((*b.session_ended_at - *b.session_started_at + 30'000) / 60'000)
               : boost::json::value(nullptr)}};
}

// The policy this booking was sold under (the service's may have changed
// since; it applies to later bookings only).
boost::json::object service_part(const app::BookingView& v) {
  const auto& policy = v.booking.policy;
  return {{"id", v.service.id},
          {"title", v.service.title},
          {"duration", v.service.duration_minutes},
          {"cancellationPolicy",
           {{"deadlineHours", policy.deadline_hours},
            {"refund", domain::to_string(policy.late_refund)},
            {"refundPercentage", policy.late_refund_percentage}}}};
}

boost::json::object party(const app::UserRecord& user) {
  return {{"id", user.id}, {"name", user.name}, {"timezone", user.timezone}};
}

boost::json::value meeting_part(const app::BookingView& v, const std::string& viewer_id) {
  const auto& b = v.booking;
  const bool has_link = b.meeting_url && (b.status == domain::BookingStatus::confirmed ||
                                          b.status == domain::BookingStatus::in_progress);
  if (!has_link) return nullptr;
  boost::json::object meeting{{"provider", or_null(b.meeting_provider)},
                              {"joinUrl", *b.meeting_url}};
  // The host link starts the meeting as its host: the specialist's alone.
  if (v.meeting && v.meeting->host_url && viewer_id == b.specialist_id)
    meeting["hostUrl"] = *v.meeting->host_url;
  return meeting;
}

boost::json::value recording_part(const std::optional<app::MeetingRecord>& m) {
  if (!m || !m->recording_url) return nullptr;
  return boost::json::object{{"id", or_null(m->recording_id)},
                             {"url", *m->recording_url},
                             {"durationMinutes", or_null(m->recording_duration_minutes)},
                             {"expiresAt", iso_utc_or_null(m->recording_expires_at)},
                             {"isPublic", m->recording_is_public}};
}

}  // namespace

boost::json::object booking(const app::BookingView& v, const std::string& viewer_id) {
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
      {"holdExpiresAt", iso_utc_or_null(b.hold_expires_at)},
      {"customerNotes", b.customer_notes},
      {"sharedNotes", b.shared_notes},
      {"cancellationType", b.cancelled_by ? boost::json::value(domain::to_string(*b.cancelled_by))
                                          : boost::json::value(nullptr)},
      {"cancellationReason", or_null(b.cancellation_reason)},
      {"cancelledAt", iso_utc_or_null(b.cancelled_at)},
      {"rescheduledFrom", or_null(b.rescheduled_from)},
      {"payment", payment_part(b)},
      {"session", session_part(b)},
      {"service", service_part(v)},
      {"customerTimezone", b.customer_timezone.empty() ? v.customer.timezone : b.customer_timezone},
      {"receiptNumber", domain::receipt_number(b.id)},
      {"specialist", party(v.specialist)},
      {"customer", party(v.customer)},
      {"createdAt", iso_utc(b.created_at)},
      {"updatedAt", iso_utc(b.updated_at)}};
  if (viewer_id == b.specialist_id) json["specialistNotes"] = b.specialist_notes;
  json["meeting"] = meeting_part(v, viewer_id);
  json["recording"] = recording_part(v.meeting);
  return json;
}

boost::json::object refund(const domain::RefundDecision& refund, const std::string& currency) {
  return {{"amount", refund.amount},
          {"currency", currency},
          {"withinDeadline", refund.within_deadline},
          {"reason", refund.reason}};
}

boost::json::object receipt(const app::BookingView& v) {
  const auto& b = v.booking;
  return {{"receiptNumber", domain::receipt_number(b.id)},
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
          {"amountFormatted", money_text(b.price.amount, b.price.currency)},
          {"paymentStatus", domain::to_string(b.payment_status)},
          {"refundAmount", b.refund_amount}};
}

}  // namespace confer::http::json
