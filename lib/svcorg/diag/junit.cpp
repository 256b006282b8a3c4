// JUnit XML, as GitLab, Jenkins, Azure DevOps and the test-report actions read it: one
// test case per input file, failed by each of its errors.
#include <map>
#include <set>

#include <fmt/format.h>

#include "svcorg/diag/formats.hpp"

namespace svcorg::diag {

namespace {

// The next code point of `s` from `i` (advancing `i`), or U+FFFD for an invalid sequence
// (one byte consumed).
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len = 0;
  char32_t cp = 0, min = 0;
  if (b0 < 0x80) {
    ++i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Text as XML 1.0 character data or an attribute value: the five special characters as
// entities, characters XML 1.0 does not allow dropped, invalid UTF-8 as U+FFFD. In an
// attribute, tab and line breaks are character references (a parser would turn them
// into spaces otherwise); in content, only CR is (a parser would drop it).
std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      case '\r': out += "&#13;"; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      default: break;
    }
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) continue;
    append_utf8(out, cp);
  }
  return out;
}

std::string attr(std::string_view s) { return xml_escape(s, true); }
std::string text(std::string_view s) { return xml_escape(s, false); }

}  // namespace

std::string render_junit(const std::vector<Diagnostic>& items, const Summary& s,
                         const std::vector<std::string>& files) {
  // Every input file, then (defensively) any file a finding names that is not one.
  std::vector<std::string> cases = files;
  std::set<std::string> known(files.begin(), files.end());
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  for (const auto& d : items) {
    by_file[d.file].push_back(&d);
    if (known.insert(d.file).second) cases.push_back(d.file);
  }
  const std::string counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\"", cases.size(), s.errors);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"svcorg validate\" {}>\n", counts);
  out += fmt::format("  <testsuite name=\"svcorg validate\" {} skipped=\"0\">\n", counts);
  for (const auto& file : cases) {
    out += fmt::format("    <testcase name=\"{}\" classname=\"svcorg.validate\"", attr(file));
    const auto it = by_file.find(file);
    if (it == by_file.end()) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    std::string warnings;
    for (const Diagnostic* d : it->second) {
      const std::string where = fmt::format("{}:{}:{}", d->file, d->pos.line, d->pos.col);
      if (d->severity == Severity::Error)
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(d->message),
                           attr(d->rule), text(where + ": " + d->message));
      else
        warnings += text(fmt::format("{}: warning: {} [{}]\n", where, d->message, d->rule));
    }
    if (!warnings.empty()) out += "      <system-out>" + warnings + "</system-out>\n";
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace svcorg::diag
