#include "domain/local_time.hpp"

#include <charconv>

namespace confer::domain {
namespace {

std::optional<int> two_digits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
    return std::nullopt;
  return (text[0] - '0') * 10 + (text[1] - '0');
}

}  // namespace

std::optional<int> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<int> parse_hhmm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto hours = two_digits(text.substr(0, 2));
  auto minutes = two_digits(text.substr(3, 2));
  if (!hours || !minutes || *minutes > 59) return std::nullopt;
  if (*hours > 24 || (*hours == 24 && *minutes != 0)) return std::nullopt;
  return *hours * 60 + *minutes;
}

std::string format_hhmm(int minutes) {
  char text[6] = {
      static_cast<char>('0' + minutes / 600),     static_cast<char>('0' + minutes / 60 % 10), ':',
      static_cast<char>('0' + minutes % 60 / 10), static_cast<char>('0' + minutes % 10),      '\0'};
  return text;
}

std::optional<LocalDay> parse_local_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = parse_digits(text.substr(0, 4));
  auto month = two_digits(text.substr(5, 2));
  auto day = two_digits(text.substr(8, 2));
  if (!year || !month || !day || *year < 1970 || *year > 2200) return std::nullopt;
  date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                           date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalDay{ymd};
}

std::string format_local_date(LocalDay day) {
  date::year_month_day ymd{day};
  char text[11];
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  text[0] = static_cast<char>('0' + y / 1000);
  text[1] = static_cast<char>('0' + y / 100 % 10);
  text[2] = static_cast<char>('0' + y / 10 % 10);
  text[3] = static_cast<char>('0' + y % 10);
  text[4] = '-';
  text[5] = static_cast<char>('0' + m / 10);
  text[6] = static_cast<char>('0' + m % 10);
  text[7] = '-';
  text[8] = static_cast<char>('0' + d / 10);
  text[9] = static_cast<char>('0' + d % 10);
  text[10] = '\0';
  return text;
}

std::optional<date::local_seconds> parse_local_datetime(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[10] != 'T') return std::nullopt;
  auto day = parse_local_date(text.substr(0, 10));
  auto minute = parse_hhmm(text.substr(11, 5));
  if (!day || !minute || *minute >= minutes_per_day) return std::nullopt;
  int seconds = 0;
  if (text.size() == 19) {
    auto s = two_digits(text.substr(17, 2));
    if (text[16] != ':' || !s || *s > 59) return std::nullopt;
    seconds = *s;
  }
  return date::local_seconds{day->time_since_epoch()} + std::chrono::minutes{*minute} +
         std::chrono::seconds{seconds};
}

const date::time_zone* find_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::optional<Instant> WallClock::to_utc(LocalDay day, int minute) {
  return to_utc(date::local_seconds{day.time_since_epoch()} + std::chrono::minutes{minute});
}

std::optional<Instant> WallClock::to_utc(date::local_seconds local) {
  // Fast path: the cached period's offset gives an instant inside that period,
  // and no transition is near enough (an hour either side) to create a gap or
  // a repeat at this wall-clock time.
  if (has_cache_) {
    Instant guess{(local - cached_.offset).time_since_epoch()};
    if (guess - std::chrono::hours{3} >= cached_.begin &&
        guess + std::chrono::hours{3} < cached_.end)
      return guess;
  }
  auto info = zone_->get_info(local);
  switch (info.result) {
    case date::local_info::nonexistent:
      return std::nullopt;
    case date::local_info::ambiguous:  // the first of the two instants
    case date::local_info::unique: {
      Instant instant{(local - info.first.offset).time_since_epoch()};
      cached_ = info.first;
      has_cache_ = true;
      return instant;
    }
  }
  return std::nullopt;
}

std::chrono::seconds WallClock::offset_at(Instant instant) {
  if (!has_cache_ || instant < cached_.begin || instant >= cached_.end) {
    cached_ = zone_->get_info(instant);
    has_cache_ = true;
  }
  return cached_.offset;
}

}  // namespace confer::domain
