#include "svcorg/render/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace svcorg::render::html {

namespace {

// Screen and A4 print. Noto Sans CJK SC first (Debian's fonts-noto-cjk), the generic
// sans-serif last: no font is fetched. Tables take the page's width and size their columns
// to their content (no clipped column); ids, dates and short values never wrap; long
// Chinese text wraps between characters where the line is full, and any long word breaks
// rather than overflowing.
constexpr std::string_view kStyle = R"css(
:root { color: #222; background: #fff; }
body { font-family: "Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif; font-size: 15px;
  line-height: 1.5; max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 1.6em; margin: 0 0 0.4em; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
h1, h2, h3 { break-after: avoid; }
p { margin: 0.4em 0 0.8em; }
table { width: 100%; table-layout: auto; border-collapse: collapse; margin: 0.4em 0 1em; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #f0f3f7; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nw, th.nw, code, .nw { white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #f4f4f4; padding: 0 2px; }
.more { color: #555; font-style: italic; }
.callout { border: 2px solid #c0392b; border-left-width: 6px; background: #fdf3f2; padding: 8px 12px;
  margin: 0.8em 0 1.2em; break-inside: avoid; }
.callout > h2, .callout > h3 { margin-top: 0; border: 0; }
figure { margin: 0.8em 0 1.2em; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
svg.chart { display: block; width: 100%; max-width: 760px; height: auto; }
.bar { display: inline-block; width: 5em; height: 0.7em; background: #e0e0e0; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: #3b6ea8; }
.break { break-before: page; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 9pt; max-width: none; margin: 0; padding: 0; }
  h2 { margin-top: 1em; }
  th, td { padding: 2px 4px; }
  svg.chart { max-width: 170mm; }
  .callout { background: none; }
  th { background: none; }
}
)css";

std::string cell(const char* tag, const std::string& text, bool right, bool nowrap) {
  const char* cls = right ? " class=\"num\"" : nowrap ? " class=\"nw\"" : "";
  return fmt::format("<{0}{1}>{2}</{0}>", tag, cls, text);
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CR LF: one space, from the LF
        out += ' ';
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

std::string code(std::string_view id) {
  return "<code>" + escape(id) + "</code>";
}

std::string nowrap(const std::string& escaped) {
  return "<span class=\"nw\">" + escaped + "</span>";
}

std::string heading(int level, const std::string& escaped_text, bool page_break) {
  return fmt::format("<h{0}{1}>{2}</h{0}>\n", level, page_break ? " class=\"break\"" : "", escaped_text);
}

std::string paragraph(const std::string& escaped_html) {
  return "<p>" + escaped_html + "</p>\n";
}

std::string table(const Table& t) {
  auto has = [](const std::vector<size_t>& v, size_t i) { return std::find(v.begin(), v.end(), i) != v.end(); };
  auto row = [&](const std::vector<std::string>& cells, const char* tag) {
    std::string out = "<tr>";
    for (size_t i = 0; i < t.header.size(); ++i)
      out += cell(tag, i < cells.size() ? cells[i] : std::string(), has(t.right, i), has(t.nowrap, i));
    return out + "</tr>\n";
  };
  std::string out = "<table>\n<thead>" + row(t.header, "th") + "</thead>\n<tbody>\n";
  for (const auto& r : t.rows) out += row(r, "td");
  return out + "</tbody>\n</table>\n";
}

std::string more(const std::string& escaped_html) {
  return "<p class=\"more\">" + escaped_html + "</p>\n";
}

std::string callout(const std::string& body_html) {
  return "<section class=\"callout\">\n" + body_html + "</section>\n";
}

std::string figure(const std::string& svg, const std::string& escaped_caption) {
  return "<figure>\n<figcaption>" + escaped_caption + "</figcaption>\n" + svg + "</figure>\n";
}

std::string progress(double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const long percent = std::lround(fraction * 100.0);
  return fmt::format("<span class=\"nw\"><span class=\"bar\"><span style=\"width: {0}%\"></span></span> {0}%</span>",
                     percent);
}

std::string document(const std::string& title, i18n::Lang lang, const std::string& body_html) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
      "<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      i18n::code(lang), escape(title), kStyle, body_html);
}

}  // namespace svcorg::render::html
