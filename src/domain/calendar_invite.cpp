#include "domain/calendar_invite.hpp"

#include <libical/ical.h>

#include <cstdlib>
#include <memory>

namespace confer::domain {
namespace {

struct ComponentDeleter {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

icaltimetype to_utc(Instant instant) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(instant.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

// Parameter values cannot hold a double quote (RFC 5545 §3.2), and libical
// does not escape URIs or X- values, so no line break may reach them; names
// come from users, so both are dropped.
std::string clean_parameter(std::string_view text) {
  std::string clean;
  for (char c : text)
    if (c != '"' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) clean += c;
  return clean;
}

std::string clean_text(std::string_view text) {
  std::string clean;
  for (char c : text)
    if (c == '\n' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) clean += c;
  return clean;
}

icalproperty* party(const CalendarParty& who, bool organizer) {
  const std::string address = "mailto:" + clean_parameter(who.email);
  icalproperty* property = organizer ? icalproperty_new_organizer(address.c_str())
                                     : icalproperty_new_attendee(address.c_str());
  if (!who.name.empty())
    icalproperty_add_parameter(property, icalparameter_new_cn(clean_parameter(who.name).c_str()));
  if (!organizer) {
    // The customer booked the time themselves: nothing to answer.
    icalproperty_add_parameter(property, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_ACCEPTED));
    icalproperty_add_parameter(property, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
  }
  return property;
}

icalcomponent* vevent(const CalendarEvent& event, bool cancelled, Instant stamp) {
  icalcomponent* component = icalcomponent_new_vevent();
  const auto uid = calendar_uid(event.booking_id);
  icalcomponent_add_property(component, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(component, icalproperty_new_sequence(event.sequence));
  icalcomponent_add_property(component, icalproperty_new_dtstamp(to_utc(stamp)));
  icalcomponent_add_property(component, icalproperty_new_dtstart(to_utc(event.start)));
  icalcomponent_add_property(component, icalproperty_new_dtend(to_utc(event.end)));
  icalcomponent_add_property(component,
                             icalproperty_new_summary(clean_text(event.summary).c_str()));
  std::string description = clean_text(event.description);
  if (!event.join_url.empty()) {
    if (!description.empty()) description += "\n\n";
    description += "Join: " + clean_text(event.join_url);
    const auto url = clean_parameter(event.join_url);
    icalcomponent_add_property(component, icalproperty_new_location(url.c_str()));
    icalcomponent_add_property(component, icalproperty_new_url(url.c_str()));
  }
  icalcomponent_add_property(component, icalproperty_new_description(description.c_str()));
  icalcomponent_add_property(component, party(event.organizer, true));
  icalcomponent_add_property(component, party(event.attendee, false));
  icalcomponent_add_property(component, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED
                                                                          : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(
      component, icalproperty_new_transp(cancelled ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
  return component;
}

Component vcalendar(icalproperty_method method) {
  Component calendar(icalcomponent_new_vcalendar());
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Confer//Bookings//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(method));
  return calendar;
}

std::string text_of(const Component& calendar) {
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace

std::string calendar_uid(std::string_view booking_id) {
  return std::string(booking_id) + "@confer";
}

std::string render_invite(const CalendarEvent& event, InviteMethod method, Instant stamp) {
  const bool cancel = method == InviteMethod::cancel;
  auto calendar = vcalendar(cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST);
  icalcomponent_add_component(calendar.get(), vevent(event, cancel, stamp));
  return text_of(calendar);
}

std::string render_feed(const std::vector<CalendarEvent>& events, std::string_view calendar_name,
                        Instant stamp) {
  auto calendar = vcalendar(ICAL_METHOD_PUBLISH);
  icalproperty* name = icalproperty_new_x(clean_parameter(calendar_name).c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), name);
  // Subscribed calendars poll; hourly keeps reschedules visible the same day.
  icalproperty* refresh = icalproperty_new_x("PT1H");
  icalproperty_set_x_name(refresh, "X-PUBLISHED-TTL");
  icalcomponent_add_property(calendar.get(), refresh);
  for (const auto& event : events)
    icalcomponent_add_component(calendar.get(), vevent(event, event.cancelled, stamp));
  return text_of(calendar);
}

}  // namespace confer::domain
