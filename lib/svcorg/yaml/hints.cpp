#include "svcorg/yaml/hints.hpp"

#include <algorithm>
#include <vector>

namespace svcorg::yaml {

namespace {

constexpr char32_t kColon = 0xFF1A, kComma = 0xFF0C, kLBracket = 0xFF3B, kRBracket = 0xFF3D, kLBrace = 0xFF5B,
                   kRBrace = 0xFF5D, kIdeographicSpace = 0x3000;

// The code point at byte i (`len` its bytes); a byte that starts no sequence is itself.
char32_t decode(std::string_view s, size_t i, size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (len == 1 || i + len > s.size()) {
    len = 1;
    return c;
  }
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

bool name_char(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

i18n::Message bracket_message(const char* ch, const char* code, const char* ascii) {
  return i18n::Message("yaml.fullwidth-bracket", {{"char", ch}, {"code", code}, {"ascii", ascii}});
}

// The first full-width mistake on one line (or in one scalar: `scalar`, whose first
// character is at column `col`). Quotes open at the start of a token only, so the
// apostrophe of `it's` opens none; `#` after a space starts a comment.
std::optional<Hint> scan_line(std::string_view line, uint32_t line_no, uint32_t col, bool scalar) {
  bool token_start = true, indent = !scalar, in_value = false;
  int flow = scalar ? 1 : 0;  // a scalar read as one value: a `，` in it separates nothing
  size_t name_run = 0;
  bool name_at_token = false;
  char32_t quote = 0;
  for (size_t i = 0; i < line.size(); ++col) {
    size_t len = 1;
    const char32_t c = decode(line, i, len);
    const bool was_token_start = token_start;
    i += len;
    if (quote != 0) {
      if (quote == '"' && c == '\\' && i < line.size())
        ++i;  // an escape: its character is ASCII or counted next
      else if (c == quote)
        quote = 0;
      token_start = false;
      continue;
    }
    const Pos at{line_no, col};
    if (c == '#' && was_token_start) break;
    if ((c == '"' || c == '\'') && was_token_start) {
      quote = c;
      continue;
    }
    if (c == kIdeographicSpace && indent) return Hint{at, ideographic_space_message()};
    if (c == kColon && name_run > 0 && name_at_token && !in_value)
      return Hint{at, i18n::Message("yaml.fullwidth-colon")};
    if (c == kComma && flow > 0) return Hint{at, i18n::Message("yaml.fullwidth-comma")};
    if (c == kLBracket && was_token_start) return Hint{at, bracket_message("［", "U+FF3B", "[")};
    if (c == kLBrace && was_token_start) return Hint{at, bracket_message("｛", "U+FF5B", "{")};
    if (c == kRBracket && flow > 0) return Hint{at, bracket_message("］", "U+FF3D", "]")};
    if (c == kRBrace && flow > 0) return Hint{at, bracket_message("｝", "U+FF5D", "}")};
    if (c == ':' && flow == 0 && (i >= line.size() || line[i] == ' ')) in_value = true;
    if (c == '[' || c == '{') ++flow;
    if ((c == ']' || c == '}') && flow > 0) --flow;
    indent = indent && c == ' ';
    if (name_char(c)) {
      if (name_run++ == 0) name_at_token = was_token_start;
    } else {
      name_run = 0;
    }
    token_start = c == ' ' || c == '\t' || c == '[' || c == '{' || c == ',';
  }
  return std::nullopt;
}

}  // namespace

i18n::Message ideographic_space_message() {
  return i18n::Message("yaml.ideographic-space");
}

bool ideographic_indent(std::string_view key) {
  return key.rfind("\xE3\x80\x80", 0) == 0;
}

std::optional<Hint> fullwidth_in_lines(std::string_view text, uint32_t first, uint32_t last) {
  uint32_t line_no = 1;
  size_t start = 0;
  while (start <= text.size() && line_no <= last) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (line_no >= first) {
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (auto hint = scan_line(line, line_no, 1, false)) return hint;
    }
    start = end + 1;
    ++line_no;
  }
  return std::nullopt;
}

std::optional<Hint> fullwidth_in_scalar(const Node& scalar) {
  if (!scalar.is_scalar() || !scalar.plain || scalar.value.find('\n') != std::string::npos) return std::nullopt;
  return scan_line(scalar.value, scalar.pos.line, scalar.pos.col, true);
}

Encoding guess_encoding(std::string_view b) {
  auto u = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 2 && ((u(0) == 0xFF && u(1) == 0xFE) || (u(0) == 0xFE && u(1) == 0xFF))) return Encoding::Utf16;
  // Text in UTF-16 without a byte-order mark: its ASCII characters have a NUL byte on
  // the same side of every pair.
  const size_t pairs = std::min<size_t>(b.size(), 512) / 2;
  size_t even = 0, odd = 0;
  for (size_t k = 0; k < pairs; ++k) {
    if (u(2 * k) == 0 && u(2 * k + 1) != 0) ++even;
    if (u(2 * k) != 0 && u(2 * k + 1) == 0) ++odd;
  }
  if (pairs >= 2 && (std::min(even, odd) == 0 && std::max(even, odd) * 2 >= pairs)) return Encoding::Utf16;
  // GB18030: ASCII, two-byte characters (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F) and
  // four-byte ones (0x81-0xFE, 0x30-0x39, 0x81-0xFE, 0x30-0x39); GBK is its two-byte part.
  bool wide = false;
  for (size_t i = 0; i < b.size();) {
    const unsigned char c = u(i);
    if (c < 0x80) {
      if (c == 0) return Encoding::Unknown;
      ++i;
      continue;
    }
    if (c == 0x80 || c == 0xFF || i + 1 >= b.size()) return Encoding::Unknown;
    const unsigned char t = u(i + 1);
    if (t >= 0x40 && t <= 0xFE && t != 0x7F) {
      i += 2;
    } else if (t >= 0x30 && t <= 0x39 && i + 3 < b.size() && u(i + 2) >= 0x81 && u(i + 2) <= 0xFE && u(i + 3) >= 0x30 &&
               u(i + 3) <= 0x39) {
      i += 4;
    } else {
      return Encoding::Unknown;
    }
    wide = true;
  }
  return wide ? Encoding::Gb18030 : Encoding::Unknown;
}

namespace {

bool table_line(std::string_view line) {
  if (line.empty() || line[0] == '#' || line[0] == '-' || line[0] == '[' || line[0] == '{' || line[0] == '%' ||
      line[0] == ' ')
    return false;
  if (line.find(": ") != std::string_view::npos || line.back() == ':') return false;
  return std::count(line.begin(), line.end(), ',') >= 2 || line.find('\t') != std::string_view::npos;
}

}  // namespace

bool looks_like_table(std::string_view text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
  std::string_view line = text.substr(0, text.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return table_line(line);
}

bool scalar_looks_like_table(const Node& scalar) {
  return scalar.is_scalar() && scalar.plain && scalar.pos == Pos{1, 1} && table_line(scalar.value);
}

std::optional<size_t> flow_close(std::string_view text, size_t open) {
  if (open >= text.size() || (text[open] != '[' && text[open] != '{')) return std::nullopt;
  std::vector<char> closers{text[open] == '[' ? ']' : '}'};
  bool token_start = true;
  for (size_t i = open + 1; i < text.size(); ++i) {
    const char c = text[i];
    const bool line_start = text[i - 1] == '\n';
    // A document marker ends every collection.
    if (line_start && (text.compare(i, 3, "---") == 0 || text.compare(i, 3, "...") == 0)) return std::nullopt;
    if ((c == '"' || c == '\'') && token_start) {
      for (++i; i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\')
          ++i;
        else if (text[i] == c && c == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
          ++i;
        else if (text[i] == c)
          break;
      }
      if (i >= text.size()) return std::nullopt;
      token_start = false;
      continue;
    }
    if (c == '#' && token_start) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '[') closers.push_back(']');
    if (c == '{') closers.push_back('}');
    if (c == ']' || c == '}') {
      if (closers.back() != c) return std::nullopt;
      closers.pop_back();
      if (closers.empty()) return i;
    }
    token_start = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == '{' || c == ',';
  }
  return std::nullopt;
}

}  // namespace svcorg::yaml
