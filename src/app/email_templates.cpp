#include "app/email_templates.hpp"

#include "app/email_layout.hpp"
#include "domain/calendar_invite.hpp"
#include "domain/money.hpp"

namespace confer::app::email {
namespace {

const Person& reader(const BookingFacts& booking, Audience to) {
  return to == Audience::customer ? booking.customer : booking.specialist;
}

// The other party, as the reader knows them.
const Person& counterpart(const BookingFacts& booking, Audience to) {
  return to == Audience::customer ? booking.specialist : booking.customer;
}

std::string with_whom(const BookingFacts& booking, Audience to) {
  return booking.service_title + " with " + counterpart(booking, to).name;
}

domain::CalendarEvent calendar_event(const BookingFacts& booking, Audience to) {
  domain::CalendarEvent event;
  event.booking_id = booking.booking_id;
  event.sequence = booking.sequence;
  event.start = booking.start;
  event.end = booking.end;
  event.summary =
      booking.service_title + ": " + booking.customer.name + " and " + booking.specialist.name;
  event.description = "Booked on Confer.";
  // The reader's own link: a specialist's acts as the specialist.
  const auto& manage_url = reader(booking, to).manage_url;
  if (!manage_url.empty()) event.description += " Manage: " + manage_url;
  event.join_url = booking.join_url;
  event.organizer = {booking.specialist.name, booking.organizer_email};
  event.attendee = {booking.customer.name, booking.customer.email};
  return event;
}

EmailAttachment invite(const BookingFacts& booking, Audience to, domain::InviteMethod method,
                       domain::Instant now) {
  const bool cancel = method == domain::InviteMethod::cancel;
  return {cancel ? "cancel.ics" : "invite.ics", cancel ? cancel_content_type : invite_content_type,
          domain::render_invite(calendar_event(booking, to), method, now)};
}

Letter& meeting_details(Letter& letter, const BookingFacts& booking, Audience to) {
  letter.detail("Session", booking.service_title)
      .detail(to == Audience::customer ? "With" : "Client", counterpart(booking, to).name)
      .detail("When",
              format_meeting_time(booking.start, booking.end, reader(booking, to).time_zone));
  const auto& account_zone = reader(booking, to).account_time_zone;
  if (!account_zone.empty() && account_zone != reader(booking, to).time_zone)
    letter.detail("In your account's time zone",
                  format_meeting_time(booking.start, booking.end, account_zone));
  if (!booking.join_url.empty()) letter.detail("Video link", booking.join_url);
  return letter;
}

EmailMessage send_to(const Letter& letter, const Person& person, const std::string& subject) {
  return letter.to(person.email, person.name, subject);
}

}  // namespace

std::string price_text(std::int64_t amount, const std::string& currency) {
  if (amount == 0) return "free";
  if (auto known = domain::find_currency(currency)) return domain::format_money(amount, *known);
  return std::to_string(amount) + " " + currency + " (minor units)";
}

EmailMessage booking_confirmation(const BookingFacts& booking, domain::Instant now) {
  Letter letter(booking.customer.name);
  letter.paragraph("Your session is booked. The calendar invite is attached.");
  meeting_details(letter, booking, Audience::customer)
      .detail("Price", price_text(booking.amount, booking.currency));
  if (!booking.join_url.empty()) letter.action("Join the meeting", booking.join_url);
  if (!booking.customer.manage_url.empty())
    letter.action("Reschedule or cancel", booking.customer.manage_url);
  auto message =
      send_to(letter, booking.customer, "Confirmed: " + with_whom(booking, Audience::customer));
  message.attachments.push_back(
      invite(booking, Audience::customer, domain::InviteMethod::request, now));
  return message;
}

EmailMessage new_booking(const BookingFacts& booking, domain::Instant now) {
  Letter letter(booking.specialist.name);
  letter.paragraph(booking.customer.name + " booked a session with you.");
  meeting_details(letter, booking, Audience::specialist)
      .detail("Client email", booking.customer.email)
      .detail("Price", price_text(booking.amount, booking.currency));
  if (!booking.join_url.empty()) letter.action("Join the meeting", booking.join_url);
  if (!booking.specialist.manage_url.empty())
    letter.action("See the booking", booking.specialist.manage_url);
  auto message = send_to(letter, booking.specialist,
                         "New booking: " + with_whom(booking, Audience::specialist));
  message.attachments.push_back(
      invite(booking, Audience::specialist, domain::InviteMethod::request, now));
  return message;
}

EmailMessage payment_receipt(const BookingFacts& booking, const PaymentFacts& payment) {
  Letter letter(booking.customer.name);
  letter.paragraph("Thank you for your payment. This is your receipt.")
      .detail("Receipt number", payment.receipt_number)
      .detail("Paid on", format_local_instant(payment.paid_at, booking.customer.time_zone))
      .detail("Amount", price_text(payment.amount, payment.currency))
      .detail("For", with_whom(booking, Audience::customer))
      .detail("Session time",
              format_meeting_time(booking.start, booking.end, booking.customer.time_zone));
  if (!booking.customer.manage_url.empty())
    letter.action("See the booking", booking.customer.manage_url);
  return send_to(
      letter, booking.customer,
      "Receipt: " + price_text(payment.amount, payment.currency) + " for " + booking.service_title);
}

EmailMessage booking_cancelled(const BookingFacts& booking, Audience to,
                               const CancellationFacts& cancellation, domain::Instant now) {
  const Person& person = reader(booking, to);
  Letter letter(person.name);
  letter.paragraph(cancellation.cancelled_by.empty()
                       ? "This session has been cancelled."
                       : "This session has been cancelled by " + cancellation.cancelled_by + ".");
  meeting_details(letter, booking, to);
  if (!cancellation.reason.empty()) letter.detail("Reason", cancellation.reason);
  if (cancellation.refund && to == Audience::customer)
    letter.detail("Refund", *cancellation.refund > 0
                                ? price_text(*cancellation.refund, booking.currency)
                                : "none, under the cancellation policy");
  letter.paragraph("The attached calendar update removes the event from your calendar.");
  auto message = send_to(letter, person, "Cancelled: " + with_whom(booking, to));
  message.attachments.push_back(invite(booking, to, domain::InviteMethod::cancel, now));
  return message;
}

EmailMessage booking_rescheduled(const BookingFacts& booking, Audience to,
                                 domain::Instant previous_start, domain::Instant previous_end,
                                 domain::Instant now) {
  const Person& person = reader(booking, to);
  Letter letter(person.name);
  letter.paragraph(
      "Your session has moved to a new time. The attached invite updates your "
      "calendar.");
  meeting_details(letter, booking, to)
      .detail("Was", format_meeting_time(previous_start, previous_end, person.time_zone));
  if (!booking.join_url.empty()) letter.action("Join the meeting", booking.join_url);
  if (!person.manage_url.empty()) letter.action("See the booking", person.manage_url);
  auto message = send_to(letter, person, "Rescheduled: " + with_whom(booking, to));
  message.attachments.push_back(invite(booking, to, domain::InviteMethod::request, now));
  return message;
}

EmailMessage booking_reminder(const BookingFacts& booking, Audience to) {
  const Person& person = reader(booking, to);
  Letter letter(person.name);
  letter.paragraph("A reminder: your session starts in 24 hours.");
  meeting_details(letter, booking, to);
  if (!booking.join_url.empty()) letter.action("Join the meeting", booking.join_url);
  if (!person.manage_url.empty()) letter.action("Reschedule or cancel", person.manage_url);
  return send_to(letter, person, "Tomorrow: " + with_whom(booking, to));
}

EmailMessage recording_available(const BookingFacts& booking, Audience to,
                                 const std::string& recording_url) {
  const Person& person = reader(booking, to);
  Letter letter(person.name);
  letter.paragraph("The recording of your session is ready.");
  meeting_details(letter, booking, to);
  letter.action("Watch the recording", recording_url);
  return send_to(letter, person, "Recording ready: " + with_whom(booking, to));
}

EmailMessage password_reset(const std::string& name, const std::string& email,
                            const std::string& link, int valid_minutes) {
  Letter letter(name);
  letter
      .paragraph(
          "Someone (we hope you) asked to reset the password of your Confer account. "
          "Open this link within " +
          std::to_string(valid_minutes) + " minutes to choose a new one.")
      .action("Choose a new password", link)
      .paragraph(
          "The link works once. If you did not ask for it, ignore this email: your "
          "password stays as it is.");
  return letter.to(email, name, "Reset your Confer password");
}

}  // namespace confer::app::email
