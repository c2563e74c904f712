#pragma once
// Stripe's webhook events (https://docs.stripe.com/api/events/object) read
// into app::PaymentEvent, and written back for the sandbox, which delivers
// its own events in Stripe's format. The only place that knows which field
// of data.object carries what.
#include <string>
#include <string_view>

#include "app/payment_events.hpp"

namespace confer::integrations {

// Throws app::Error::bad_request when the body is not a JSON object, or
// lacks the event's id, type or data.object. Types Confer does not apply are
// read as PaymentEventType::other, with their payment intent if they name one.
app::PaymentEvent parse_stripe_event(std::string_view body);

// The event as Stripe would send it: {id, object: "event", type, created,
// data: {object: …}}. parse_stripe_event reads it back to the same event.
std::string stripe_event_body(const app::PaymentEvent& event);

}  // namespace confer::integrations
