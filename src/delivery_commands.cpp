#include "delivery_commands.hpp"

#include <iostream>
#include <stdexcept>

#include "app/clock.hpp"
#include "app/email_templates.hpp"
#include "domain/instant_format.hpp"
#include "domain/receipt_number.hpp"
#include "integrations/delivery.hpp"
#include "integrations/email/mime.hpp"
#include "log.hpp"

namespace confer {
namespace {

app::email::BookingFacts sample_booking(const Config& config, const TestEmailOptions& options) {
  auto start = domain::parse_instant(options.start);
  if (!start)
    throw std::runtime_error("--start must be an ISO 8601 instant, e.g. 2026-11-24T14:30:00Z");
  if (options.minutes <= 0) throw std::runtime_error("--minutes must be positive");
  const std::string app_url = config.frontend_url.empty()
                                  ? "http://localhost:" + std::to_string(config.port)
                                  : config.frontend_url;
  app::email::BookingFacts booking;
  booking.booking_id = options.booking_id;
  booking.sequence = options.sequence;
  const auto sample_link = app_url + "/bookings/" + options.booking_id;
  booking.customer = {"Sam Customer", options.to, options.time_zone, "", sample_link};
  // The reader gets the address given; the other party is a placeholder.
  booking.specialist = {"Ada Specialist",
                        options.kind == "new-booking" ? options.to : "ada.specialist@example.com",
                        options.time_zone, "", sample_link};
  if (options.kind == "new-booking") booking.customer.email = "sam.customer@example.com";
  booking.service_title = "Sample session";
  booking.start = *start;
  booking.end = *start + std::chrono::minutes{options.minutes};
  booking.join_url = "https://meet.jit.si/confer-" + options.booking_id;
  booking.organizer_email = integrations::parse_mailbox(config.mail_from).address;
  booking.amount = 12'000;
  booking.currency = "EUR";
  return booking;
}

app::EmailMessage render(const Config& config, const TestEmailOptions& options,
                         domain::Instant now) {
  using namespace app::email;
  const auto booking = sample_booking(config, options);
  const auto& kind = options.kind;
  if (kind == "confirmation") return booking_confirmation(booking, now);
  if (kind == "new-booking") return new_booking(booking, now);
  if (kind == "receipt")
    return payment_receipt(booking, {domain::receipt_number(booking.booking_id), booking.amount,
                                     booking.currency, now});
  if (kind == "cancellation")
    return booking_cancelled(booking, Audience::customer, {"Ada Specialist", "", booking.amount},
                             now);
  if (kind == "reschedule")
    return booking_rescheduled(booking, Audience::customer, booking.start - std::chrono::hours{24},
                               booking.end - std::chrono::hours{24}, now);
  if (kind == "reminder") return booking_reminder(booking, Audience::customer);
  if (kind == "recording")
    return recording_available(booking, Audience::customer,
                               booking.customer.manage_url + "/recording");
  if (kind == "password-reset")
    return password_reset("Sam Customer", options.to, booking.customer.manage_url + "?reset=sample",
                          30);
  throw std::runtime_error("--kind must be one of: " + test_email_kinds());
}

}  // namespace

std::string test_email_kinds() {
  return "confirmation, new-booking, receipt, cancellation, reschedule, reminder, recording, "
         "password-reset";
}

int send_test_email(const Config& config, const TestEmailOptions& options) {
  app::SystemClock clock;
  const domain::Instant now{std::chrono::seconds{clock.now_seconds()}};
  const auto message = render(config, options, now);
  auto mailer = integrations::make_mailer(config.delivery(), clock);
  mailer->send(message);
  log::info("test email sent", {{"kind", options.kind}});
  return 0;
}

int send_test_sms(const Config& config, const std::string& to, const std::string& body) {
  app::SystemClock clock;
  auto sender = integrations::make_sms_sender(config.delivery(), clock);
  std::cout << sender->send({to, body}) << '\n';
  return 0;
}

}  // namespace confer
