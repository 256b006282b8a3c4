// Text helpers: UTF-8 checks, code-point columns, "did you mean" suggestions, characters
// replaced (escaping).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::util {

// Where the first invalid UTF-8 sequence (or NUL byte) starts, if any.
struct Utf8Error {
  size_t offset = 0;
  i18n::Message what;  // "invalid UTF-8 byte 0xff", "NUL byte", ... (util.utf8.*)
};
std::optional<Utf8Error> check_utf8(std::string_view bytes);

// One pass over a text: its first invalid UTF-8 sequence (or NUL byte), and where the
// first of the line breaks outside ASCII is (U+0085, U+2028 or U+2029: YAML 1.1 parsers
// end lines there, YAML 1.2 ones do not), with that code point. Runs of ASCII are
// checked eight bytes at a time.
struct Utf8Scan {
  std::optional<Utf8Error> error;
  std::optional<std::pair<size_t, char32_t>> unicode_break;
};
Utf8Scan scan_utf8(std::string_view bytes);

// True when every byte of `s` is ASCII.
bool is_ascii(std::string_view s);

// Number of code points in a valid UTF-8 string.
size_t codepoints(std::string_view utf8);

// Edit distance in code points (`居名区` is one edit from `居民区`); bytes of invalid
// UTF-8 count one each.
size_t edit_distance(std::string_view a, std::string_view b);

// The allowed value closest to `value`, if it is close enough to be a plausible typo
// (lengths and edits counted in code points).
std::optional<std::string> closest(std::string_view value, const std::vector<std::string>& allowed);
// "did you mean `x`?" (util.did-you-mean) for the closest allowed value, when one is close.
std::optional<i18n::Message> did_you_mean(std::string_view value, const std::vector<std::string>& allowed);

// A character and the text that stands for it in an escaped string.
struct Replacement {
  char c;
  std::string_view with;
};
// `s` appended to `out` with every character `table` names replaced by its text.
void append_replaced(std::string& out, std::string_view s, std::initializer_list<Replacement> table);
std::string replaced(std::string_view s, std::initializer_list<Replacement> table);

// Whether `holds(line)` is true of every line of `text` (split at `\n`; a line keeps its `\r`).
template <class Pred>
bool every_line(std::string_view text, Pred holds) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (!holds(text.substr(at, end - at))) return false;
    at = end + 1;
  }
  return true;
}

}  // namespace svcorg::util
