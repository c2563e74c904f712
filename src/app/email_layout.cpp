#include "app/email_layout.hpp"

#include <array>

namespace confer::app::email {
namespace {

constexpr std::array<const char*, 7> weekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> months = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};

std::string long_date(date::local_days day) {
  date::year_month_day ymd{day};
  return std::string(weekdays[date::weekday{day}.c_encoding()]) + ", " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         months[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

struct LocalMoment {
  date::local_days day;
  std::string clock;   // "09:30"
  std::string abbrev;  // "CET"
};

LocalMoment local_moment(domain::Instant instant, const date::time_zone* zone) {
  const auto info = zone->get_info(instant);
  const auto local = date::local_seconds{(instant + info.offset).time_since_epoch()};
  const auto day = date::floor<date::days>(local);
  const auto minute = static_cast<int>(date::floor<std::chrono::minutes>(local - day).count());
  return {day, domain::format_hhmm(minute), info.abbrev};
}

const date::time_zone* zone_or_utc(std::string_view name) {
  const date::time_zone* zone = domain::find_zone(name);
  return zone ? zone : domain::find_zone("UTC");
}

const char* const html_head =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
    "<body style=\"margin:0;padding:24px;background:#f5f5f4;font-family:Helvetica,Arial,"
    "sans-serif;color:#1c1917\"><div style=\"max-width:560px;margin:0 auto;background:#fff;"
    "border-radius:8px;padding:24px\">";
const char* const html_foot =
    "<p style=\"color:#78716c;font-size:13px\">— Confer</p></div></body></html>";

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_local_instant(domain::Instant instant, std::string_view time_zone) {
  const date::time_zone* zone = zone_or_utc(time_zone);
  const auto moment = local_moment(instant, zone);
  std::string text = long_date(moment.day) + ", " + moment.clock + " " + moment.abbrev;
  if (moment.abbrev != zone->name()) text += " (" + std::string(zone->name()) + ")";
  return text;
}

std::string format_meeting_time(domain::Instant start, domain::Instant end,
                                std::string_view time_zone) {
  const date::time_zone* zone = zone_or_utc(time_zone);
  const auto from = local_moment(start, zone);
  const auto to = local_moment(end, zone);
  std::string text = long_date(from.day) + ", " + from.clock;
  // A meeting across a DST change or past midnight says so rather than
  // showing an end that reads earlier than its start.
  if (from.abbrev != to.abbrev) text += " " + from.abbrev;
  if (from.day != to.day)
    text += " – " + long_date(to.day) + ", " + to.clock;
  else
    text += "–" + to.clock;
  text += " " + to.abbrev;
  if (to.abbrev != zone->name()) text += " (" + std::string(zone->name()) + ")";
  return text;
}

Letter::Letter(std::string_view greeting_name) {
  html_ = html_head;
  const std::string greeting =
      greeting_name.empty() ? "Hello," : "Hello " + std::string(greeting_name) + ",";
  text_ = greeting + "\n\n";
  html_ += "<p>" + html_escape(greeting) + "</p>";
}

void Letter::close_details() {
  if (!in_details_) return;
  html_ += "</table>";
  text_ += "\n";
  in_details_ = false;
}

Letter& Letter::paragraph(std::string_view text) {
  close_details();
  text_ += std::string(text) + "\n\n";
  html_ += "<p>" + html_escape(text) + "</p>";
  return *this;
}

Letter& Letter::detail(std::string_view label, std::string_view value) {
  if (!in_details_) {
    html_ += "<table style=\"border-collapse:collapse;margin:8px 0 16px\">";
    in_details_ = true;
  }
  text_ += std::string(label) + ": " + std::string(value) + "\n";
  html_ += "<tr><td style=\"padding:4px 16px 4px 0;color:#78716c\">" + html_escape(label) +
           "</td><td style=\"padding:4px 0\">" + html_escape(value) + "</td></tr>";
  return *this;
}

Letter& Letter::action(std::string_view label, std::string_view url) {
  close_details();
  text_ += std::string(label) + ": " + std::string(url) + "\n\n";
  html_ += "<p><a href=\"" + html_escape(url) +
           "\" style=\"display:inline-block;background:#1c1917;color:#fff;padding:10px 16px;"
           "border-radius:6px;text-decoration:none\">" +
           html_escape(label) + "</a></p>";
  return *this;
}

EmailMessage Letter::to(std::string_view email, std::string_view name,
                        std::string_view subject) const {
  Letter copy = *this;
  copy.close_details();
  EmailMessage message;
  message.to = std::string(email);
  message.to_name = std::string(name);
  message.subject = std::string(subject);
  message.text = copy.text_ + "— Confer\n";
  message.html = copy.html_ + html_foot;
  return message;
}

}  // namespace confer::app::email
