#include "svcorg/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace svcorg::util {

Utf8Scan scan_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  Utf8Scan out;
  auto fail = [&](size_t at, i18n::Message what) {
    out.error = Utf8Error{at, std::move(what)};
    return out;
  };
  size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes, none of them NUL, at once.
    constexpr uint64_t kLow = 0x0101010101010101u, kHigh = 0x8080808080808080u;
    while (i + 8 <= n) {
      uint64_t w = 0;
      std::memcpy(&w, p + i, 8);
      if ((w & kHigh) != 0 || ((w - kLow) & ~w & kHigh) != 0) break;
      i += 8;
    }
    if (i == n) break;
    const unsigned char c = p[i];
    if (c == 0) return fail(i, i18n::Message("util.utf8.nul"));
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return fail(i, i18n::Message("util.utf8.invalid-byte", {{"byte", fmt::format("{:02x}", c)}}));
    }
    if (i + len > n) return fail(i, i18n::Message("util.utf8.truncated"));
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80)
        return fail(i, i18n::Message("util.utf8.invalid-sequence", {{"byte", fmt::format("{:02x}", c)}}));
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return fail(i, i18n::Message("util.utf8.invalid-sequence", {{"byte", fmt::format("{:02x}", c)}}));
    if (!out.unicode_break && (cp == 0x85 || cp == 0x2028 || cp == 0x2029)) out.unicode_break = {{i, cp}};
    i += len;
  }
  return out;
}

std::optional<Utf8Error> check_utf8(std::string_view s) {
  return scan_utf8(s).error;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

size_t codepoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

// The code points of `s`; a byte that starts no valid sequence counts as one.
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (len == 1 || i + len > s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    char32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

size_t distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent
  // transpositions ("nmae" is one edit from "name").
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(code_points(a), code_points(b));
}

std::optional<std::string> closest(std::string_view value, const std::vector<std::string>& allowed) {
  std::optional<std::string> best;
  const std::vector<char32_t> v = code_points(value);
  if (v.size() > 64) return best;  // not a typo of a short word
  size_t best_d = 0, best_len = 0;
  for (const auto& a : allowed) {
    const std::vector<char32_t> cand = code_points(a);
    const size_t d = distance(v, cand);
    if (!best || d < best_d) {
      best = a;
      best_d = d;
      best_len = cand.size();
    }
  }
  // A plausible typo: at most a third of the longer word changed (and at least one edit allowed).
  if (best) {
    const size_t longest = std::max(v.size(), best_len);
    if (best_d > std::max<size_t>(1, longest / 3)) {
      // Still suggest when one is a prefix of the other ("resident" for "residential").
      if (!(v.size() >= 3 && best->rfind(std::string(value), 0) == 0)) best.reset();
    }
  }
  return best;
}

std::optional<i18n::Message> did_you_mean(std::string_view value, const std::vector<std::string>& allowed) {
  auto near = closest(value, allowed);
  if (!near) return std::nullopt;
  return i18n::Message("util.did-you-mean", {{"value", std::move(*near)}});
}

void append_replaced(std::string& out, std::string_view s, std::initializer_list<Replacement> table) {
  for (char c : s) {
    const Replacement* r = std::find_if(table.begin(), table.end(), [c](const Replacement& e) { return e.c == c; });
    if (r == table.end())
      out += c;
    else
      out += r->with;
  }
}

std::string replaced(std::string_view s, std::initializer_list<Replacement> table) {
  std::string out;
  out.reserve(s.size());
  append_replaced(out, s, table);
  return out;
}

}  // namespace svcorg::util
