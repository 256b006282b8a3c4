// Safe Markdown building blocks (CommonMark + GitHub tables + Mermaid): every piece of
// user text goes through escape(), so it shows as text and never as Markdown or HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace svcorg::render::md {

// Inline text: Markdown and HTML metacharacters backslash-escaped (`\ ` * _ [ ] < > &
// | ~ ! ( ) { } #`), line breaks and tabs folded to spaces, a leading list or heading
// marker neutralized. Safe in paragraphs, list items, headings and table cells.
std::string escape(std::string_view text);

// Text for a Mermaid label: quotes, angle brackets, `&`, `#`, `;` and line breaks
// replaced by harmless look-alikes (Mermaid has no escape that every renderer honours).
std::string mermaid_label(std::string_view text);

// A code span for identifiers (`mly-2026-014`); backticks inside are impossible in ids but
// handled anyway.
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
std::string bar_chart(const std::string& title, const std::string& y_label,
                      const std::vector<std::pair<std::string, double>>& bars, double y_max);

std::string heading(int level, const std::string& escaped_text);

}  // namespace svcorg::render::md
