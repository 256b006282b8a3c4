// Calendar dates (proleptic Gregorian) as day numbers, parsed from YYYY-MM-DD.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace svcorg::util {

// A calendar date. `days` counts days since 1970-01-01, so differences are calendar days.
struct Date {
  int32_t days = 0;

  static std::optional<Date> parse(std::string_view text);  // strict YYYY-MM-DD, real dates only
  static Date from_ymd(int year, int month, int day);       // caller guarantees validity
  static bool valid_ymd(int year, int month, int day);

  int year() const;
  std::string str() const;  // YYYY-MM-DD

  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend bool operator!=(Date a, Date b) { return a.days != b.days; }
  friend bool operator<(Date a, Date b) { return a.days < b.days; }
  friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
  friend bool operator>(Date a, Date b) { return a.days > b.days; }
  friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
  friend int32_t operator-(Date a, Date b) { return a.days - b.days; }
  friend Date operator+(Date a, int32_t n) { return Date{a.days + n}; }
};

bool is_leap_year(int year);
int days_in_year(int year);
Date today();  // the local calendar date

}  // namespace svcorg::util
