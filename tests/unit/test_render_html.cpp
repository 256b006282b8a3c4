// render::html: escaping user text, the blocks' exact HTML, and a document that is self-
// contained (no script, no URL, nothing fetched) with the A4 print style.
#include <doctest/doctest.h>

#include "svcorg/render/html.hpp"

namespace html = svcorg::render::html;
using svcorg::i18n::Lang;

TEST_SUITE("render::html") {
  TEST_CASE("escape: markup, quotes, line breaks and control characters") {
    CHECK(html::escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(html::escape("A & B \"C\"") == "A &amp; B &quot;C&quot;");
    CHECK(html::escape("&amp; &#60;") == "&amp;amp; &amp;#60;");
    CHECK(html::escape("cr\r\nlf\rtab\tend\x01") == "cr lf tab end ");
    CHECK(html::escape("荷花居民区党总支") == "荷花居民区党总支");
  }

  TEST_CASE("ids and dates never wrap") {
    CHECK(html::code("mly-2025-005") == "<code>mly-2025-005</code>");
    CHECK(html::code("<x>") == "<code>&lt;x&gt;</code>");
    CHECK(html::nowrap("良好") == "<span class=\"nw\">良好</span>");
  }

  TEST_CASE("headings and paragraphs") {
    CHECK(html::heading(2, "Ranking") == "<h2>Ranking</h2>\n");
    CHECK(html::heading(2, "Appendix", true) == "<h2 class=\"break\">Appendix</h2>\n");
    CHECK(html::paragraph("x &amp; y") == "<p>x &amp; y</p>\n");
  }

  TEST_CASE("a table: thead, numeric columns right-aligned, nowrap columns, short rows padded") {
    html::Table t{{"Branch", "Grade", "Total"}, {{"荷花", "优秀", "91.20"}, {"x"}}, {2}, {1}};
    CHECK(html::table(t) ==
          "<table>\n"
          "<thead><tr><th>Branch</th><th class=\"nw\">Grade</th><th class=\"num\">Total</th></tr>\n</thead>\n"
          "<tbody>\n"
          "<tr><td>荷花</td><td class=\"nw\">优秀</td><td class=\"num\">91.20</td></tr>\n"
          "<tr><td>x</td><td class=\"nw\"></td><td class=\"num\"></td></tr>\n"
          "</tbody>\n</table>\n");
  }

  TEST_CASE("a note under a table") {
    CHECK(html::more("and 12 more") == "<p class=\"more\">and 12 more</p>\n");
  }

  TEST_CASE("callout, figure, progress") {
    CHECK(html::callout("<h2>Needs attention</h2>\n<p>x</p>\n") ==
          "<section class=\"callout\">\n<h2>Needs attention</h2>\n<p>x</p>\n</section>\n");
    CHECK(html::figure("<svg></svg>\n", "Mean") == "<figure>\n<figcaption>Mean</figcaption>\n<svg></svg>\n</figure>\n");
    CHECK(html::progress(0.5) ==
          "<span class=\"nw\"><span class=\"bar\"><span style=\"width: 50%\"></span></span> 50%</span>");
    CHECK(html::progress(1.7) ==
          "<span class=\"nw\"><span class=\"bar\"><span style=\"width: 100%\"></span></span> 100%</span>");
  }

  TEST_CASE("a document: doctype, language, charset, escaped title, the body") {
    const std::string doc = html::document("<Report> & \"x\"", Lang::ZhCN, "<p>正文</p>\n");
    CHECK(doc.rfind("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(doc.find("<title>&lt;Report&gt; &amp; &quot;x&quot;</title>") != std::string::npos);
    CHECK(doc.find("</style>\n</head>\n<body>\n<p>正文</p>\n</body>\n</html>\n") != std::string::npos);
    CHECK(html::document("t", Lang::En, "").find("<html lang=\"en\">") != std::string::npos);
  }

  TEST_CASE("a document fetches nothing: no script, no URL, no import") {
    const std::string doc = html::document("t", Lang::En, "");
    for (const char* banned : {"<script", "http:", "https:", "//", "@import", "url(", "src=", "href="}) {
      CAPTURE(banned);
      CHECK(doc.find(banned) == std::string::npos);
    }
  }

  TEST_CASE("the style sheet prints on A4 and keeps tables whole") {
    const std::string doc = html::document("t", Lang::En, "");
    for (const char* rule : {"@page { size: A4; margin: 15mm; }", "@media print", ".break { break-before: page; }",
                             "thead { display: table-header-group; }", "tr { break-inside: avoid; }",
                             "figure { margin: 0.8em 0 1.2em; break-inside: avoid; }",
                             "table { width: 100%; table-layout: auto;", "font-family: \"Noto Sans CJK SC\"",
                             "sans-serif; font-size: 15px;", "td.nw, th.nw, code, .nw { white-space: nowrap; }"}) {
      CAPTURE(rule);
      CHECK(doc.find(rule) != std::string::npos);
    }
  }
}
