#pragma once
// Zoom's webhook events (https://developers.zoom.us/docs/api/webhooks/) read
// into app::ZoomEvent: the only place that knows where Zoom puts the meeting
// id, the recording files and the validation challenge.
#include <string_view>

#include "app/zoom_webhooks.hpp"

namespace confer::integrations {

// Throws app::Error::bad_request when the body is not a JSON object, lacks
// event or payload, or (for a meeting event) payload.object, or is a
// validation challenge without plainToken.
app::ZoomEvent parse_zoom_event(std::string_view body);

}  // namespace confer::integrations
