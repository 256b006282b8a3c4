// Safe Markdown building blocks (CommonMark + GitHub tables + Mermaid): every piece of
// user text goes through escape(), so it shows as text and never as Markdown or HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svcorg/render/axis.hpp"

namespace svcorg::render::md {

// Inline text: Markdown and HTML metacharacters backslash-escaped (`\ ` * _ [ ] < > &
// | ~ ! ( ) { } #`), line breaks (CR LF, CR, LF counting as one), tabs and every other
// ASCII control character (NUL, form feed, DEL…) folded to one space each, leading blanks
// dropped, a leading list, quote, heading or setext marker neutralized, GFM autolinks
// stopped (`http\://`, `www\.`, and an invisible U+2060 WORD JOINER before every `@`
// against e-mail autolinks). Safe in paragraphs, list items, headings and table cells:
// cmark-gfm shows exactly the folded text, minus trailing blanks (checked by
// fuzz/fuzz_escape).
std::string escape(std::string_view text);
// escape() for text in the middle of a line (after other text): the same escapes, without
// the rules for the start of a text (leading blanks, list, quote and heading markers).
std::string escape_inner(std::string_view text);

// Text for a Mermaid label: quotes, angle brackets, `&`, `#`, `;` and line breaks
// replaced by harmless look-alikes (Mermaid has no escape that every renderer honours).
std::string mermaid_label(std::string_view text);

// A code span for identifiers (`mly-2026-014`). Text that a code span cannot show verbatim
// (empty, with a backtick, `|`, a line break or other control character, or a blank at
// either end; impossible in ids but handled anyway) is returned as escape(id) instead.
std::string code(std::string_view id);

struct Table {
  std::vector<std::string> header;             // already escaped
  std::vector<std::vector<std::string>> rows;  // already escaped
  std::vector<size_t> right;                   // right-aligned columns
};
// A GitHub table; every row gets exactly as many cells as the header.
std::string table(const Table& t);

// `▓▓▓▓▓░░░░░ 50%` for a fraction in [0, 1].
std::string progress_bar(double fraction, int width = 10);

// Mermaid charts (fenced code blocks). Labels are passed raw and sanitized here.
std::string pie(const std::string& title, const std::vector<std::pair<std::string, double>>& slices);
// A bar chart with a value label on each bar (`showDataLabel`, where Mermaid supports it)
// and the value axis from axis.lo to axis.hi.
std::string bar_chart(const std::string& title, const std::string& y_label,
                      const std::vector<std::pair<std::string, double>>& bars, const Axis& axis);

std::string heading(int level, const std::string& escaped_text);

}  // namespace svcorg::render::md
