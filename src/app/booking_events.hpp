#pragma once
// What a booking's change sets in motion (DESIGN.md invariant 4): the jobs
// that send its emails, SMS and reminders, and the in-app notifications of
// both parties — all written in the change's own transaction, so that either
// the change and its follow-ups are stored together or neither is.
#include <cstdint>
#include <string>
#include <vector>

#include "app/ports/booking_ports.hpp"
#include "domain/booking.hpp"

namespace confer::app {

namespace job_kind {
inline constexpr const char* confirmed = "booking.confirmed";      // confirmation + .ics
inline constexpr const char* reminder = "booking.reminder";        // 24 h before: email, SMS
inline constexpr const char* followup = "booking.followup";        // after the end
inline constexpr const char* cancelled = "booking.cancelled";      // METHOD:CANCEL
inline constexpr const char* rescheduled = "booking.rescheduled";  // new times, SEQUENCE+1
inline constexpr const char* recording = "booking.recording";      // the recording link
inline constexpr const char* refund = "payment.refund";            // money owed back
}  // namespace job_kind

inline constexpr std::int64_t reminder_lead_ms = 24 * 3'600'000;
inline constexpr std::int64_t followup_delay_ms = 15 * 60'000;

// The jobs a booking confirmed at `now` needs: the confirmation at once, the
// reminder 24 hours before the start (when that is still ahead), the
// follow-up a quarter of an hour after the end. Pure.
std::vector<JobRecord> jobs_for_confirmation(const domain::Booking& booking, std::int64_t now);
// After a reschedule: the notice of the change, and reminder and follow-up at
// the new times. Pure.
std::vector<JobRecord> jobs_for_reschedule(const domain::Booking& booking,
                                           std::int64_t previous_start, std::int64_t previous_end,
                                           std::int64_t now);

// Writers, called by the booking use cases inside their transactions.
void on_booking_confirmed(ports::Outbox& outbox, const domain::Booking& booking, std::int64_t now);
// `booking` already holds the new times.
void on_booking_rescheduled(ports::Outbox& outbox, const domain::Booking& booking,
                            std::int64_t previous_start, std::int64_t previous_end,
                            std::int64_t now);
// Only for a booking that had been confirmed: a hold that lapses needs no mail.
void on_booking_cancelled(ports::Outbox& outbox, const domain::Booking& booking, std::int64_t now);

// A refund owed on `booking_id` (its refund_amount): the request that made it
// owed asks the provider at once; this job, written in the same transaction,
// asks again at `run_at` and then with back-off until the provider has
// confirmed it, so a provider outage or a crash never loses a refund.
void plan_refund(ports::Outbox& outbox, const std::string& booking_id, std::int64_t run_at,
                 std::int64_t now);

}  // namespace confer::app
