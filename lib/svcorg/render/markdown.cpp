#include "svcorg/render/markdown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "svcorg/util/text.hpp"

namespace svcorg::render::md {

namespace {

// GFM autolinks (`http://…`, `https://…`, `ftp://…`, `www.…`) are matched on the source
// text: they would turn user text into a link and swallow the backslash of a following
// escape (`\(http://x\)` shows `http://x\`). Escaping the `:` of `://` and the `.` of
// `www.` stops them.
bool starts_autolink(std::string_view text, size_t i) {
  if (text[i] == ':') return text.substr(i + 1, 2) == "//";
  if (text[i] != '.' || i < 3) return false;
  for (size_t k = i - 3; k < i; ++k)
    if (text[k] != 'w' && text[k] != 'W') return false;
  return true;
}

}  // namespace

namespace {

constexpr std::string_view kMeta = "\\`*_[]<>&|~!(){}#";

// Line breaks (CR LF, CR, LF), tabs and every other ASCII control character (form feed,
// vertical tab, NUL, DEL…) become one space: cmark-gfm would otherwise keep some, trim
// others at the end of a line and turn NUL into U+FFFD.
std::string fold(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    folded += c < 0x20 || c == 0x7F ? ' ' : text[i];
  }
  return folded;
}

// The metacharacters, e-mail and web autolinks of `in` escaped (escape() without its
// start-of-text rules).
std::string escape_body(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 8);
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '@') {
      // GFM turns `a@b.co` into a mailto link on the text itself (backslashes and entities
      // do not stop it): an invisible U+2060 WORD JOINER before the `@` leaves it no local
      // part.
      out += "\u2060@";
      continue;
    }
    if (kMeta.find(c) != std::string_view::npos || starts_autolink(in, i)) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string escape_inner(std::string_view text) {
  return escape_body(fold(text));
}

std::string escape(std::string_view text) {
  const std::string folded = fold(text);
  // Leading blanks never show in HTML, but up to three spaces before `- x` or `1. x` still
  // start a list (four start a code block): drop them, so the marker check below sees
  // the first visible character. A byte order mark (U+FEFF) counts as a blank here:
  // cmark-gfm drops one at the start of a document and keeps it elsewhere.
  std::string_view in = folded;
  for (;;) {
    if (!in.empty() && in[0] == ' ')
      in.remove_prefix(1);
    else if (in.substr(0, 3) == "\xEF\xBB\xBF")
      in.remove_prefix(3);
    else
      break;
  }
  std::string out = escape_body(in);
  // A leading block marker (`- `, `+ `, `> `, `=`, `1. `, `1) `) would start a list,
  // a quote or a setext heading in some positions: escape it.
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=' || out[0] == '.')) out.insert(0, "\\");
  size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, "\\");
  return out;
}

std::string mermaid_label(std::string_view text) {
  // `%` too, so that no %%{…}%% directive starts; line breaks and tabs become spaces.
  return util::replaced(text, {{'"', "”"},
                               {'<', "‹"},
                               {'>', "›"},
                               {'&', "＆"},
                               {'#', "＃"},
                               {';', "；"},
                               {'`', "'"},
                               {'%', "％"},
                               {'\n', " "},
                               {'\r', " "},
                               {'\t', " "}});
}

std::string code(std::string_view id) {
  // A code span shows its content verbatim only when it is non-empty (`` is literal text),
  // has no backtick, no `|` (a GFM table splits cells on it even inside a code span), no
  // line break or other control character (a line break inside would let the next line
  // start a heading or a list) and no blank at either end (stripped or shown depending on
  // the other end). Anything else is shown as escaped text instead.
  bool span = !id.empty() && id.front() != ' ' && id.back() != ' ';
  for (char c : id)
    if (c == '`' || c == '|' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) span = false;
  if (span) return fmt::format("`{}`", id);
  return escape(id);
}

std::string table(const Table& t) {
  auto row = [&](const std::vector<std::string>& cells) {
    std::string line = "|";
    for (size_t i = 0; i < t.header.size(); ++i) line += " " + (i < cells.size() ? cells[i] : std::string()) + " |";
    return line + "\n";
  };
  std::string out = row(t.header) + "|";
  for (size_t i = 0; i < t.header.size(); ++i)
    out += std::find(t.right.begin(), t.right.end(), i) != t.right.end() ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& r : t.rows) out += row(r);
  return out;
}

std::string progress_bar(double fraction, int width) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const int full = static_cast<int>(std::lround(fraction * width));
  std::string out;
  for (int i = 0; i < width; ++i) out += i < full ? "▓" : "░";
  return fmt::format("{} {:.0f}%", out, fraction * 100.0);
}

std::string pie(const std::string& title, const std::vector<std::pair<std::string, double>>& slices) {
  std::string out = fmt::format("```mermaid\npie showData title {}\n", mermaid_label(title));
  for (const auto& [label, value] : slices) out += fmt::format("    \"{}\" : {}\n", mermaid_label(label), value);
  return out + "```\n";
}

std::string bar_chart(const std::string& title, const std::string& y_label,
                      const std::vector<std::pair<std::string, double>>& bars, const Axis& axis) {
  std::string xs, ys;
  for (size_t i = 0; i < bars.size(); ++i) {
    xs += fmt::format("{}\"{}\"", i ? ", " : "", mermaid_label(bars[i].first));
    ys += fmt::format("{}{:.2f}", i ? ", " : "", bars[i].second);
  }
  return fmt::format(
      "```mermaid\n---\nconfig:\n  xyChart:\n    showDataLabel: true\n---\nxychart-beta\n"
      "    title \"{}\"\n    x-axis [{}]\n    y-axis \"{}\" {} --> {}\n    bar [{}]\n```\n",
      mermaid_label(title), xs, mermaid_label(y_label), number(axis.lo, axis.decimals), number(axis.hi, axis.decimals),
      ys);
}

std::string heading(int level, const std::string& escaped_text) {
  return std::string(static_cast<size_t>(level), '#') + " " + escaped_text + "\n\n";
}

}  // namespace svcorg::render::md
