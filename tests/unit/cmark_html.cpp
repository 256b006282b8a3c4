#include "cmark_html.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "support.hpp"

namespace testing {

namespace {

const char* kCmark =
    "cmark-gfm --extension table --extension autolink --extension strikethrough "
    "--extension tagfilter -t html";

// The text between `open` (a tag start such as "<td") and the matching `close`, from
// `at`; moves `at` past the closing tag. Nesting never happens in the tags we read.
bool next_element(const std::string& html, const std::string& open, const std::string& close, size_t& at,
                  std::string& inner) {
  const size_t start = html.find(open, at);
  if (start == std::string::npos) return false;
  const size_t gt = html.find('>', start);
  const size_t end = html.find(close, gt);
  if (gt == std::string::npos || end == std::string::npos) return false;
  inner = html.substr(gt + 1, end - gt - 1);
  at = end + close.size();
  return true;
}

std::vector<std::string> cells(const std::string& row_html, const std::string& tag) {
  std::vector<std::string> out;
  size_t at = 0;
  std::string inner;
  while (next_element(row_html, "<" + tag, "</" + tag + ">", at, inner)) out.push_back(inner);
  return out;
}

}  // namespace

bool have_cmark() {
  return std::system("cmark-gfm --version >/dev/null 2>&1") == 0;
}

std::string cmark_html(const std::string& markdown) {
  TempDir tmp;
  const auto in = tmp.path() / "in.md", out = tmp.path() / "out.html";
  write_file(in, markdown);
  const std::string cmd = std::string(kCmark) + " '" + in.string() + "' >'" + out.string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("cmark-gfm failed (is it installed? run `make deps`)");
  return read_file(out);
}

// Written apart from svcorg's own render::escape on purpose: this is what cmark-gfm does
// (four characters; it leaves `'` as it is), the oracle the reports are checked against.
std::string html_escape(const std::string& text) {
  static const std::pair<char, const char*> kEntities[] = {
      {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}};
  std::string out;
  for (char c : text) {
    const auto* e =
        std::find_if(std::begin(kEntities), std::end(kEntities), [c](const auto& p) { return p.first == c; });
    if (e == std::end(kEntities))
      out += c;
    else
      out += e->second;
  }
  return out;
}

std::vector<HtmlTable> html_tables(const std::string& html) {
  std::vector<HtmlTable> out;
  size_t at = 0;
  std::string table;
  while (next_element(html, "<table", "</table>", at, table)) {
    HtmlTable t;
    size_t t_at = 0;
    std::string part, row;
    if (next_element(table, "<thead", "</thead>", t_at, part)) t.header = cells(part, "th");
    if (next_element(table, "<tbody", "</tbody>", t_at, part)) {
      size_t r_at = 0;
      while (next_element(part, "<tr", "</tr>", r_at, row)) t.rows.push_back(cells(row, "td"));
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::pair<int, std::string>> html_headings(const std::string& html) {
  std::vector<std::pair<int, std::string>> out;
  for (size_t at = html.find("<h"); at != std::string::npos; at = html.find("<h", at + 1)) {
    const char level = at + 2 < html.size() ? html[at + 2] : 0;
    if (level < '1' || level > '6' || html[at + 3] != '>') continue;
    const std::string close = std::string("</h") + level + ">";
    const size_t end = html.find(close, at);
    if (end == std::string::npos) break;
    out.emplace_back(level - '0', html.substr(at + 4, end - at - 4));
  }
  return out;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

std::vector<std::string> ragged_table_lines(const std::string& markdown) {
  std::vector<std::string> bad;
  std::istringstream in(markdown);
  std::string line;
  bool fenced = false;
  long header_cells = -1;  // the current table's, or -1 outside a table
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    if (fenced || line.empty() || line[0] != '|') {
      header_cells = -1;
      continue;
    }
    long pipes = 0;
    size_t backslashes = 0;
    for (char c : line) {
      if (c == '|' && backslashes % 2 == 0) ++pipes;
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    const long n = pipes - 1;
    if (header_cells < 0)
      header_cells = n;
    else if (n != header_cells)
      bad.push_back("line " + std::to_string(number) + ": " + std::to_string(n) + " cells, header has " +
                    std::to_string(header_cells) + ": " + line);
    if (line.back() != '|') bad.push_back("line " + std::to_string(number) + ": does not end with a pipe: " + line);
  }
  return bad;
}

}  // namespace testing
