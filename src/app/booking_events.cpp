#include "app/booking_events.hpp"

#include <boost/json.hpp>

#include "security/crypto.hpp"

namespace confer::app {
namespace {

JobRecord job(const std::string& kind, const domain::Booking& booking, std::int64_t run_at,
              std::int64_t now, boost::json::object payload = {}) {
  JobRecord record;
  record.id = security::new_uuid();
  record.kind = kind;
  // The times the job was planned for: a reminder whose booking has moved
  // since (and whose cancellation raced with it) sees that and does nothing.
  payload["start"] = booking.start_at;
  payload["end"] = booking.end_at;
  record.payload = boost::json::serialize(payload);
  record.booking_id = booking.id;
  record.run_at = run_at;
  record.created_at = now;
  return record;
}

void reminder_and_followup(std::vector<JobRecord>& jobs, const domain::Booking& booking,
                           std::int64_t now) {
  if (booking.start_at - reminder_lead_ms > now)
    jobs.push_back(job(job_kind::reminder, booking, booking.start_at - reminder_lead_ms, now));
  jobs.push_back(job(job_kind::followup, booking, booking.end_at + followup_delay_ms, now));
}

void notify_both(ports::Outbox& outbox, const domain::Booking& booking, const std::string& kind,
                 const std::string& customer_title, const std::string& specialist_title,
                 const std::string& body, std::int64_t now) {
  outbox.notify({{security::new_uuid(),
                  booking.customer_id,
                  kind,
                  customer_title,
                  body,
                  booking.id,
                  now,
                  {},
                  {}},
                 {security::new_uuid(),
                  booking.specialist_id,
                  kind,
                  specialist_title,
                  body,
                  booking.id,
                  now,
                  {},
                  {}}});
}

void drop_planned(ports::Outbox& outbox, const domain::Booking& booking, std::int64_t now) {
  outbox.cancel_queued(booking.id, {job_kind::reminder, job_kind::followup}, now);
}

}  // namespace

std::vector<JobRecord> jobs_for_confirmation(const domain::Booking& booking, std::int64_t now) {
  std::vector<JobRecord> jobs{job(job_kind::confirmed, booking, now, now)};
  reminder_and_followup(jobs, booking, now);
  return jobs;
}

std::vector<JobRecord> jobs_for_reschedule(const domain::Booking& booking,
                                           std::int64_t previous_start, std::int64_t previous_end,
                                           std::int64_t now) {
  std::vector<JobRecord> jobs{
      job(job_kind::rescheduled, booking, now, now,
          {{"previousStart", previous_start}, {"previousEnd", previous_end}})};
  reminder_and_followup(jobs, booking, now);
  return jobs;
}

void on_booking_confirmed(ports::Outbox& outbox, const domain::Booking& booking, std::int64_t now) {
  outbox.enqueue(jobs_for_confirmation(booking, now));
  notify_both(outbox, booking, job_kind::confirmed, "Your booking is confirmed",
              "You have a new booking", "", now);
}

void on_booking_rescheduled(ports::Outbox& outbox, const domain::Booking& booking,
                            std::int64_t previous_start, std::int64_t previous_end,
                            std::int64_t now) {
  drop_planned(outbox, booking, now);
  outbox.raise_invite_sequence(booking.id);
  outbox.enqueue(jobs_for_reschedule(booking, previous_start, previous_end, now));
  notify_both(outbox, booking, job_kind::rescheduled, "Your booking has moved",
              "A booking has moved", "", now);
}

void on_booking_cancelled(ports::Outbox& outbox, const domain::Booking& booking, std::int64_t now) {
  drop_planned(outbox, booking, now);
  outbox.raise_invite_sequence(booking.id);
  outbox.enqueue({job(job_kind::cancelled, booking, now, now)});
  notify_both(outbox, booking, job_kind::cancelled, "Your booking was cancelled",
              "A booking was cancelled", "", now);
}

void plan_refund(ports::Outbox& outbox, const std::string& booking_id, std::int64_t run_at,
                 std::int64_t now) {
  JobRecord record;
  record.id = security::new_uuid();
  record.kind = job_kind::refund;
  record.payload = "{}";
  record.booking_id = booking_id;
  record.run_at = run_at;
  record.created_at = now;
  outbox.enqueue({record});
}

}  // namespace confer::app
