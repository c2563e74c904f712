#include "domain/instant_format.hpp"

#include <cstring>

namespace confer::domain {
namespace {

inline void put2(char* out, unsigned value) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

// "YYYY-MM-DDTHH:MM:SS" into 19 chars. Slot lists repeat the same few days,
// so the calendar date of the last day seen is kept per thread.
void put_date_time(char* out, std::chrono::seconds since_epoch) {
  auto days = date::floor<date::days>(since_epoch);
  thread_local date::days cached_day{-1'000'000};
  thread_local char cached_text[11];
  if (days != cached_day) {
    date::year_month_day ymd{date::sys_days{days}};
    unsigned y = static_cast<unsigned>(static_cast<int>(ymd.year()));
    put2(cached_text, y / 100);
    put2(cached_text + 2, y % 100);
    cached_text[4] = '-';
    put2(cached_text + 5, static_cast<unsigned>(ymd.month()));
    cached_text[7] = '-';
    put2(cached_text + 8, static_cast<unsigned>(ymd.day()));
    cached_text[10] = 'T';
    cached_day = days;
  }
  std::memcpy(out, cached_text, 11);
  auto rest = since_epoch - days;
  auto secs = static_cast<unsigned>(rest.count());
  put2(out + 11, secs / 3600);
  out[13] = ':';
  put2(out + 14, secs / 60 % 60);
  out[16] = ':';
  put2(out + 17, secs % 60);
}

}  // namespace

void append_utc(std::string& out, Instant instant) {
  char text[20];
  put_date_time(text, instant.time_since_epoch());
  text[19] = 'Z';
  out.append(text, 20);
}

std::string format_utc(Instant instant) {
  std::string out;
  append_utc(out, instant);
  return out;
}

void append_with_offset(std::string& out, Instant instant, std::chrono::seconds offset) {
  char text[25];
  put_date_time(text, instant.time_since_epoch() + offset);
  auto minutes = offset.count() / 60;
  text[19] = minutes < 0 ? '-' : '+';
  auto magnitude = static_cast<unsigned>(minutes < 0 ? -minutes : minutes);
  put2(text + 20, magnitude / 60);
  text[22] = ':';
  put2(text + 23, magnitude % 60);
  out.append(text, 25);
}

std::string format_with_offset(Instant instant, std::chrono::seconds offset) {
  std::string out;
  append_with_offset(out, instant, offset);
  return out;
}

std::optional<Instant> parse_instant(std::string_view text) {
  if (text.size() < 17 || text[10] != 'T') return std::nullopt;
  auto day = parse_local_date(text.substr(0, 10));
  auto minute = parse_hhmm(text.substr(11, 5));
  if (!day || !minute || *minute >= minutes_per_day) return std::nullopt;
  std::size_t at = 16;
  int seconds = 0;
  if (at < text.size() && text[at] == ':') {
    auto s = parse_digits(text.substr(at + 1, 2));
    if (!s || *s > 59 || text.size() < at + 3) return std::nullopt;
    seconds = *s;
    at += 3;
    if (at < text.size() && text[at] == '.') {  // fractional seconds are dropped
      ++at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    }
  }
  auto zone = text.substr(at);
  int offset_minutes = 0;
  if (zone == "Z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto h = parse_digits(zone.substr(1, 2));
    auto m = parse_digits(zone.substr(4, 2));
    if (!h || !m || *h > 14 || *m > 59) return std::nullopt;
    offset_minutes = (*h * 60 + *m) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return Instant{day->time_since_epoch()} + std::chrono::minutes{*minute - offset_minutes} +
         std::chrono::seconds{seconds};
}

}  // namespace confer::domain
