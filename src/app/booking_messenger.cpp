#include "app/booking_messenger.hpp"

#include <boost/json.hpp>

#include "app/booking_events.hpp"
#include "app/bookings/booking_sessions.hpp"
#include "app/email_templates.hpp"
#include "domain/instant_format.hpp"
#include "domain/local_time.hpp"
#include "domain/receipt_number.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

domain::Instant instant(std::int64_t ms) {
  return domain::Instant{std::chrono::seconds{ms / 1000}};
}

struct Loaded {
  domain::Booking booking;
  ServiceRecord service;
  UserRecord customer;
  UserRecord specialist;
  std::optional<PaymentRecord> payment;
  int sequence = 0;
};

std::int64_t payload_integer(const JobRecord& job, std::string_view key) {
  auto payload = boost::json::parse(job.payload).as_object();
  auto* value = payload.if_contains(key);
  return value && value->is_int64() ? value->as_int64() : 0;
}

}  // namespace

namespace {

// Everything a message about the job's booking needs, as stored now.
Loaded load(ports::UnitOfWork& work, const JobRecord& job) {
  if (!job.booking_id) throw PermanentFailure("the job names no booking");
  std::optional<Loaded> loaded;
  work.read([&](ports::Transaction& tx) {
    auto booking = tx.bookings().find(*job.booking_id);
    if (!booking) return;
    auto service = tx.directory().service(booking->service_id);
    auto customer = tx.directory().user(booking->customer_id);
    auto specialist = tx.directory().user(booking->specialist_id);
    if (!service || !customer || !specialist) return;
    loaded = Loaded{*booking,
                    *service,
                    *customer,
                    *specialist,
                    tx.payments().find_open_for_booking(booking->id),
                    tx.outbox().invite_sequence(booking->id)};
  });
  if (!loaded) throw PermanentFailure("booking " + *job.booking_id + " is gone");
  return *loaded;
}

// The zone the customer reads their times in: the one they picked the slot
// in, else their account's.
const std::string& customer_zone(const Loaded& l) {
  return l.booking.customer_timezone.empty() ? l.customer.timezone : l.booking.customer_timezone;
}

email::BookingFacts facts(const Loaded& l, const ManageLinks& links,
                          const std::string& organizer_email) {
  email::BookingFacts f;
  f.booking_id = l.booking.id;
  f.sequence = l.sequence;
  f.customer = {l.customer.name, l.customer.email, customer_zone(l), l.customer.timezone,
                links.url(l.booking.id, Party::customer, l.booking.end_at)};
  f.specialist = {l.specialist.name, l.specialist.email, l.specialist.timezone, "",
                  links.url(l.booking.id, Party::specialist, l.booking.end_at)};
  f.organizer_email = organizer_email;
  f.service_title = l.service.title;
  f.start = instant(l.booking.start_at);
  f.end = instant(l.booking.end_at);
  f.join_url = l.booking.meeting_url.value_or("");
  f.amount = l.booking.price.amount;
  f.currency = l.booking.price.currency;
  return f;
}

// A job planned for other times than the booking has now is out of date.
bool still_planned(const JobRecord& job, const domain::Booking& booking) {
  return payload_integer(job, "start") == booking.start_at &&
         payload_integer(job, "end") == booking.end_at;
}

bool is(const domain::Booking& booking, std::initializer_list<domain::BookingStatus> statuses) {
  for (auto status : statuses)
    if (booking.status == status) return true;
  return false;
}

std::string sms_text(const Loaded& l) {
  domain::WallClock clock(domain::find_zone(customer_zone(l)));
  const auto start = instant(l.booking.start_at);
  auto local = domain::format_with_offset(start, clock.offset_at(start));
  return "Confer reminder: " + l.service.title + " with " + l.specialist.name + " starts " +
         local.substr(0, 10) + " " + local.substr(11, 5) + " (" + customer_zone(l) +
         "). Join: " + l.booking.meeting_url.value_or("see your booking");
}

MeetingRequest meeting_request(const Loaded& l) {
  return {l.specialist.id, l.service.title + " with " + l.specialist.name, l.booking.start_at,
          static_cast<int>((l.booking.end_at - l.booking.start_at) / 60'000)};
}

std::optional<MeetingRecord> meeting_of(ports::UnitOfWork& work, const std::string& booking_id) {
  std::optional<MeetingRecord> meeting;
  work.read([&](ports::Transaction& tx) { meeting = tx.meetings().for_booking(booking_id); });
  return meeting;
}

}  // namespace

JobHandlers BookingMessenger::handlers() {
  return {{job_kind::confirmed, [this](const JobRecord& job) { confirmed(job); }},
          {job_kind::reminder, [this](const JobRecord& job) { reminder(job); }},
          {job_kind::rescheduled, [this](const JobRecord& job) { rescheduled(job); }},
          {job_kind::cancelled, [this](const JobRecord& job) { cancelled(job); }},
          {job_kind::followup, [this](const JobRecord& job) { followup(job); }},
          {job_kind::recording, [this](const JobRecord& job) { recording(job); }}};
}

void BookingMessenger::confirmed(const JobRecord& job) {
  auto l = load(work_, job);
  using S = domain::BookingStatus;
  if (!is(l.booking, {S::confirmed, S::in_progress, S::completed}) ||
      !still_planned(job, l.booking))
    return;
  // A provider meeting is made here, outside any transaction, once: a retried
  // job finds the meeting it made before.
  if (meetings_ && l.booking.meeting_provider == std::optional<std::string>("zoom")) {
    if (auto existing = meeting_of(work_, l.booking.id)) {
      l.booking.meeting_url = existing->join_url;
    } else {
      auto made = meetings_->create(meeting_request(l));
      const auto now = clock_.now_ms();
      if (made) {
        MeetingRecord record;
        record.booking_id = l.booking.id;
        record.provider = "zoom";
        record.meeting_id = made->id;
        record.join_url = made->join_url;
        record.host_url = made->host_url;
        record.created_at = record.updated_at = now;
        work_.write([&](ports::Transaction& tx) { tx.meetings().insert(record); });
        l.booking.meeting_url = made->join_url;
      } else if (fallback_) {
        // No Zoom account hosts this specialist's meetings: a Jitsi room.
        auto link = fallback_->create_meeting(l.booking.id);
        work_.write([&](ports::Transaction& tx) {
          tx.meetings().set_link(l.booking.id, link.provider, link.join_url);
        });
        l.booking.meeting_url = link.join_url;
      }
    }
  }
  const auto f = facts(l, links_, organizer_email_);
  const auto now = instant(clock_.now_ms());
  mailer_.send(email::booking_confirmation(f, now));
  mailer_.send(email::new_booking(f, now));
  if (l.booking.price.amount > 0 && l.payment && l.payment->succeeded_at)
    mailer_.send(
        email::payment_receipt(f, {domain::receipt_number(l.booking.id), l.payment->amount,
                                   l.payment->currency, instant(*l.payment->succeeded_at)}));
}

void BookingMessenger::reminder(const JobRecord& job) {
  auto l = load(work_, job);
  if (l.booking.status != domain::BookingStatus::confirmed || !still_planned(job, l.booking))
    return;
  const auto f = facts(l, links_, organizer_email_);
  mailer_.send(email::booking_reminder(f, email::Audience::customer));
  mailer_.send(email::booking_reminder(f, email::Audience::specialist));
  if (l.customer.sms_opt_in && l.customer.phone) sms_.send({*l.customer.phone, sms_text(l)});
}

void BookingMessenger::rescheduled(const JobRecord& job) {
  auto l = load(work_, job);
  if (l.booking.status != domain::BookingStatus::confirmed || !still_planned(job, l.booking))
    return;
  if (meetings_)
    if (auto meeting = meeting_of(work_, l.booking.id))
      meetings_->update(meeting->meeting_id, meeting_request(l));
  const auto f = facts(l, links_, organizer_email_);
  const auto now = instant(clock_.now_ms());
  const auto previous_start = instant(payload_integer(job, "previousStart"));
  const auto previous_end = instant(payload_integer(job, "previousEnd"));
  for (auto audience : {email::Audience::customer, email::Audience::specialist})
    mailer_.send(email::booking_rescheduled(f, audience, previous_start, previous_end, now));
}

void BookingMessenger::cancelled(const JobRecord& job) {
  auto l = load(work_, job);
  if (l.booking.status != domain::BookingStatus::cancelled) return;
  if (meetings_)
    if (auto meeting = meeting_of(work_, l.booking.id))
      meetings_->remove(meeting->meeting_id, l.specialist.id);
  const auto f = facts(l, links_, organizer_email_);
  const auto now = instant(clock_.now_ms());
  email::CancellationFacts why;
  const auto by = l.booking.cancelled_by.value_or(domain::CancelledBy::system);
  why.cancelled_by = by == domain::CancelledBy::customer     ? l.customer.name
                     : by == domain::CancelledBy::specialist ? l.specialist.name
                                                             : "Confer";
  why.reason = l.booking.cancellation_reason.value_or("");
  if (l.booking.refund_amount > 0) why.refund = l.booking.refund_amount;
  for (auto audience : {email::Audience::customer, email::Audience::specialist})
    mailer_.send(email::booking_cancelled(f, audience, why, now));
}

void BookingMessenger::followup(const JobRecord& job) {
  auto l = load(work_, job);
  if (!still_planned(job, l.booking)) return;
  // A session started but never ended (no webhook, no click) is over by now.
  if (l.booking.status == domain::BookingStatus::in_progress) {
    const auto now = clock_.now_ms();
    work_.write(
        [&](ports::Transaction& tx) { BookingSessions::complete_overdue(tx, l.booking.id, now); });
  }
}

void BookingMessenger::recording(const JobRecord& job) {
  auto l = load(work_, job);
  auto meeting = meeting_of(work_, l.booking.id);
  if (!meeting || !meeting->recording_url) return;
  mailer_.send(email::recording_available(facts(l, links_, organizer_email_),
                                          email::Audience::customer, *meeting->recording_url));
}

}  // namespace confer::app
