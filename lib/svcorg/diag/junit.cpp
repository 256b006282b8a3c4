// JUnit XML, as GitLab, Jenkins, Azure DevOps and the test-report actions read it: one
// test case per input file, failed by each of its errors.
#include <fmt/format.h>

#include <map>
#include <set>

#include "svcorg/diag/formats.hpp"
#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::diag {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// The code point of the UTF-8 sequence at `s[i]` and its length, or kInvalid (length 1).
char32_t decode(std::string_view s, size_t i, size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = 1;
  if (b0 < 0x80) return b0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return kInvalid;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto b = i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    if ((b & 0xC0) != 0x80) {
      len = 1;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    len = 1;
    return kInvalid;
  }
  return cp;
}

// What stands for `cp` in XML: an entity or character reference, "" for a character
// XML 1.0 does not allow, nullptr for the character itself. In an attribute, tab and
// line breaks are references (a parser would turn them into spaces); in content, CR is
// (a parser would drop it).
const char* xml_replacement(char32_t cp, bool attribute) {
  switch (cp) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    case '\r':
      return "&#13;";
    case '\n':
      return attribute ? "&#10;" : nullptr;
    case '\t':
      return attribute ? "&#9;" : nullptr;
    case kInvalid:
      return "\xEF\xBF\xBD";  // U+FFFD
    default:
      return cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF ? "" : nullptr;
  }
}

// Text as XML 1.0 character data or an attribute value; invalid UTF-8 becomes U+FFFD.
std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  size_t len = 0;
  for (size_t i = 0; i < s.size(); i += len) {
    const char* r = xml_replacement(decode(s, i, len), attribute);
    if (r)
      out += r;
    else
      out += s.substr(i, len);
  }
  return out;
}

std::string attr(std::string_view s) {
  return xml_escape(s, true);
}
std::string text(std::string_view s) {
  return xml_escape(s, false);
}

}  // namespace

std::string render_junit(const std::vector<Diagnostic>& items, const Summary& s, const std::vector<std::string>& files,
                         const Report& report) {
  // Every input file, then (defensively) any file a finding names that is not one.
  std::vector<std::string> cases = files;
  std::set<std::string> known(files.begin(), files.end());
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  for (const auto& d : items) {
    by_file[d.file].push_back(&d);
    if (known.insert(d.file).second) cases.push_back(d.file);
  }
  const bool failed = !report.failures.empty();
  const std::string counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", cases.size() + (failed ? 1 : 0),
                                         s.errors, failed ? 1 : 0);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"svcorg validate\" {}>\n", counts);
  out += fmt::format("  <testsuite name=\"svcorg validate\" {} skipped=\"0\">\n", counts);
  if (failed) {
    // The run itself, in error: a reader shows it failed whatever the files' cases say.
    std::string all;
    for (const auto& f : report.failures) all += failure_text(f, report.lang) + "\n";
    out += "    <testcase name=\"svcorg validate\" classname=\"svcorg.validate\">\n";
    out += fmt::format("      <error message=\"{}\" type=\"{}\">{}</error>\n",
                       attr(failure_text(report.failures[0], report.lang)), kRunFailed, text(all));
    out += "    </testcase>\n";
  }
  for (const auto& file : cases) {
    // `file` is what GitLab links to: a path relative to the repository (see PathBase).
    out += fmt::format("    <testcase name=\"{}\" classname=\"svcorg.validate\" file=\"{}\"", attr(file),
                       attr(rebase(file, report.base).path));
    const auto it = by_file.find(file);
    if (it == by_file.end()) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    std::string warnings;
    for (const Diagnostic* d : it->second) {
      const std::string message = l10n::render(d->message, report.lang);
      const std::string where = fmt::format("{}:{}:{}", d->file, d->pos.line, d->pos.col);
      if (d->severity == Severity::Error)
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(message), attr(d->rule),
                           text(where + ": " + message));
      else
        warnings += text(
            l10n::tr(report.lang, "diag.junit.warning", {{"where", where}, {"message", message}, {"rule", d->rule}}) +
            "\n");
    }
    if (!warnings.empty()) out += "      <system-out>" + warnings + "</system-out>\n";
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace svcorg::diag
