// Test helpers for the Markdown reports: render Markdown to HTML with the real
// CommonMark + GFM renderer (Debian `cmark-gfm`, a test dependency installed by the
// Makefile) and take the HTML apart (tables, headings, Mermaid blocks).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace testing {

// True when `cmark-gfm` runs.
bool have_cmark();

// The HTML of `markdown`: GFM tables, autolinks, strikethrough and the tag filter; raw
// HTML is not rendered (it becomes `<!-- raw HTML omitted -->`). Throws when cmark-gfm
// fails.
std::string cmark_html(const std::string& markdown);

// `&`, `<`, `>` and `"` as cmark-gfm writes them in HTML text.
std::string html_escape(const std::string& text);

struct HtmlTable {
  std::vector<std::string> header;             // the inner HTML of each <th>
  std::vector<std::vector<std::string>> rows;  // the inner HTML of each <td>, per body row
};
// Every <table> of cmark-gfm's HTML, in order.
std::vector<HtmlTable> html_tables(const std::string& html);

// Every heading: level and inner HTML, in order.
std::vector<std::pair<int, std::string>> html_headings(const std::string& html);

// How many times `needle` occurs in `hay`.
size_t count(const std::string& hay, const std::string& needle);

// GFM silently pads short table rows and drops the cells of long ones, so the HTML alone
// cannot show a broken row: this checks the Markdown source itself. For each table (a
// run of lines starting with `|`, outside fenced code), the cells of every line (the
// pipes not escaped by a backslash, minus one) must equal the header's. Returns a
// description of each offending line (empty when every table is sound).
std::vector<std::string> ragged_table_lines(const std::string& markdown);

}  // namespace testing
