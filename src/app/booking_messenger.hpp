#pragma once
// The job handlers that tell people about their bookings: confirmation (with
// the calendar invite and, for a paid booking, the receipt), the 24-hour
// reminder by email and, for those who opted in, SMS; reschedule and
// cancellation notices with updated invites; and the follow-up after the end.
// Each handler reads the booking as it is when the job runs and does nothing
// when the booking has moved on (cancelled, rescheduled), so a job that runs
// twice or late does no harm.
#include <string>

#include "app/clock.hpp"
#include "app/mailer.hpp"
#include "app/manage_links.hpp"
#include "app/sms_sender.hpp"
#include "app/video.hpp"
#include "jobs/worker.hpp"
#include "store/database.hpp"

namespace confer::app {

class BookingMessenger {
 public:
  // `meetings`: the provider whose meetings jobs make, move and remove (Zoom),
  // or null when links need no API call (Jitsi).
  // `organizer_email`: the platform's address, the ORGANIZER of invites.
  BookingMessenger(store::Database& database, const Clock& clock, Mailer& mailer, SmsSender& sms,
                   const ManageLinks& links, MeetingHost* meetings = nullptr,
                   VideoProvider* fallback = nullptr,
                   std::string organizer_email = "no-reply@confer.local")
      : database_(database),
        clock_(clock),
        mailer_(mailer),
        sms_(sms),
        links_(links),
        meetings_(meetings),
        fallback_(fallback),
        organizer_email_(std::move(organizer_email)) {}

  void register_with(jobs::Worker& worker);

  void confirmed(const store::JobRecord& job);
  void reminder(const store::JobRecord& job);
  void rescheduled(const store::JobRecord& job);
  void cancelled(const store::JobRecord& job);
  void followup(const store::JobRecord& job);
  void recording(const store::JobRecord& job);

 private:
  store::Database& database_;
  const Clock& clock_;
  Mailer& mailer_;
  SmsSender& sms_;
  const ManageLinks& links_;
  MeetingHost* meetings_;
  VideoProvider* fallback_;  // links without an API (Jitsi) when no Zoom account hosts
  std::string organizer_email_;
};

}  // namespace confer::app
