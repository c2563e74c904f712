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
#include "app/job_handler.hpp"
#include "app/mailer.hpp"
#include "app/manage_links.hpp"
#include "app/ports/booking_ports.hpp"
#include "app/sms_sender.hpp"
#include "app/video.hpp"

namespace confer::app {

class BookingMessenger {
 public:
  // `meetings`: the provider whose meetings jobs make, move and remove (Zoom),
  // or null when links need no API call (Jitsi).
  // `organizer_email`: the platform's address, the ORGANIZER of invites.
  BookingMessenger(ports::UnitOfWork& work, const Clock& clock, Mailer& mailer, SmsSender& sms,
                   const ManageLinks& links, MeetingHost* meetings = nullptr,
                   VideoProvider* fallback = nullptr,
                   std::string organizer_email = "no-reply@confer.local")
      : work_(work),
        clock_(clock),
        mailer_(mailer),
        sms_(sms),
        links_(links),
        meetings_(meetings),
        fallback_(fallback),
        organizer_email_(std::move(organizer_email)) {}

  // Its job kinds and handlers, for the worker.
  JobHandlers handlers();

  void confirmed(const JobRecord& job);
  void reminder(const JobRecord& job);
  void rescheduled(const JobRecord& job);
  void cancelled(const JobRecord& job);
  void followup(const JobRecord& job);
  void recording(const JobRecord& job);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  Mailer& mailer_;
  SmsSender& sms_;
  const ManageLinks& links_;
  MeetingHost* meetings_;
  VideoProvider* fallback_;  // links without an API (Jitsi) when no Zoom account hosts
  std::string organizer_email_;
};

}  // namespace confer::app
