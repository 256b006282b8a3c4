// render::svg: label shortening by display width, escaping, and the exact SVG of small charts.
#include <doctest/doctest.h>

#include "svcorg/render/svg.hpp"

namespace svg = svcorg::render::svg;

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("render::svg") {
  TEST_CASE("escape: markup characters and control characters") {
    CHECK(svg::escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK(svg::escape("a\nb\tc\x01"
                      "d") == "a b c d");
    CHECK(svg::escape("南京西路") == "南京西路");
  }

  TEST_CASE("a small bar chart, exactly") {
    svg::BarChart c;
    c.title = "Mean total by street";
    c.axis_label = "Mean total";
    c.bars = {{"Alpha", 88}, {"Beta", 90.5}};
    c.reference = 89.25;
    c.reference_label = "mean 89.25";
    c.note = "The axis starts at 87.5, not at 0";
    const std::string want =
        "<svg class=\"chart\" viewBox=\"0 0 640.0 133.0\" role=\"img\" aria-label=\"Mean total by street\" "
        "font-family=\"Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif\" font-size=\"12\" fill=\"#222\">\n"
        "<title>Mean total by street</title>\n"
        "<line x1=\"47.0\" y1=\"24.0\" x2=\"47.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"47.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">87.5</text>\n"
        "<line x1=\"125.0\" y1=\"24.0\" x2=\"125.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"125.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">88.0</text>\n"
        "<line x1=\"203.0\" y1=\"24.0\" x2=\"203.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"203.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">88.5</text>\n"
        "<line x1=\"281.0\" y1=\"24.0\" x2=\"281.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"281.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">89.0</text>\n"
        "<line x1=\"359.0\" y1=\"24.0\" x2=\"359.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"359.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">89.5</text>\n"
        "<line x1=\"437.0\" y1=\"24.0\" x2=\"437.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"437.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">90.0</text>\n"
        "<line x1=\"515.0\" y1=\"24.0\" x2=\"515.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"515.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">90.5</text>\n"
        "<line x1=\"593.0\" y1=\"24.0\" x2=\"593.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
        "<text x=\"593.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">91.0</text>\n"
        "<line x1=\"47.0\" y1=\"76.0\" x2=\"593.0\" y2=\"76.0\" stroke=\"#666\"/>\n"
        "<path d=\"M49.0 80.0l4 -8M53.0 80.0l4 -8\" stroke=\"#666\" fill=\"none\"/>\n"
        "<text x=\"320.0\" y=\"108.0\" text-anchor=\"middle\" fill=\"#555\">Mean total</text>\n"
        "<text x=\"320.0\" y=\"125.0\" text-anchor=\"middle\" fill=\"#555\">The axis starts at 87.5, not at 0</text>\n"
        "<g><text x=\"41.0\" y=\"42.0\" text-anchor=\"end\">Alpha</text>\n"
        "<rect x=\"47.0\" y=\"30.0\" width=\"78.0\" height=\"16.0\" fill=\"#3b6ea8\"/>\n"
        "<text x=\"129.0\" y=\"42.0\">88.00</text>\n"
        "</g>\n"
        "<g><text x=\"41.0\" y=\"66.0\" text-anchor=\"end\">Beta</text>\n"
        "<rect x=\"47.0\" y=\"54.0\" width=\"468.0\" height=\"16.0\" fill=\"#3b6ea8\"/>\n"
        "<text x=\"519.0\" y=\"66.0\">90.50</text>\n"
        "</g>\n"
        "<line x1=\"320.0\" y1=\"22.0\" x2=\"320.0\" y2=\"76.0\" stroke=\"#c0392b\" stroke-width=\"1.5\" "
        "stroke-dasharray=\"4 3\"/>\n"
        "<text x=\"320.0\" y=\"18.0\" text-anchor=\"middle\" fill=\"#c0392b\">mean 89.25</text>\n"
        "</svg>\n";
    CHECK(svg::bar_chart(c) == want);
  }

  TEST_CASE("hostile names are escaped, in the label and in the title") {
    svg::BarChart c;
    c.title = "<script>alert(1)</script>";
    c.bars = {{"A & B \"quoted\" <b>", 3}};
    c.zero_based = true;
    c.decimals = 0;
    const std::string out = svg::bar_chart(c);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("<b>") == std::string::npos);
    CHECK(out.find("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt;\"") != std::string::npos);
    CHECK(out.find(">A &amp; B &quot;quoted&quot; &lt;b&gt;</text>") != std::string::npos);
    CHECK(count(out, "<text") == count(out, "</text>"));
  }

  TEST_CASE("long names are shortened with … by display width, the full name in a <title>") {
    svg::BarChart c;
    c.bars = {{"Office-building joint organization of Nanjing West Road", 90},
              {"南京西路街道商务楼宇联合党组织第一支部", 88},  // 19 CJK characters: 38 columns
              {"南京西路", 86}};
    const std::string out = svg::bar_chart(c);
    // 24 columns: 23 ASCII characters and the ellipsis, or 11 CJK characters (22) and it.
    CHECK(out.find("<title>Office-building joint organization of Nanjing West Road</title>Office-building joint o…"
                   "</text>") != std::string::npos);
    CHECK(out.find("<title>南京西路街道商务楼宇联合党组织第一支部</title>南京西路街道商务楼宇联…</text>") !=
          std::string::npos);
    CHECK(out.find(">南京西路</text>") != std::string::npos);  // short: as it is, no <title>
    // The label column is as wide as the widest shortened label (24 columns * 7 + 12).
    CHECK(out.find("<rect x=\"180.0\"") != std::string::npos);
  }

  TEST_CASE("the reference line's label is moved in rather than cut at the edge") {
    svg::BarChart c;
    c.bars = {{"a", 10}, {"b", 100}};
    c.decimals = 0;
    c.reference = 100;
    c.reference_label = "district mean 100 (all branches)";  // 32 columns: 224 units, half 112
    const std::string out = svg::bar_chart(c);
    // The line at 100 (the axis' end), its label's centre 112 units from the right edge.
    CHECK(out.find("<line x1=\"607.0\" y1=\"22.0\" x2=\"607.0\"") != std::string::npos);
    CHECK(out.find("<text x=\"528.0\" y=\"18.0\" text-anchor=\"middle\" fill=\"#c0392b\">district mean") !=
          std::string::npos);
  }

  TEST_CASE("a zero-based chart has no break mark and no note") {
    svg::BarChart c;
    c.bars = {{"a", 2}, {"b", 5}};
    c.zero_based = true;
    c.decimals = 0;
    const std::string out = svg::bar_chart(c);
    CHECK(out.find("<path") == std::string::npos);
    CHECK(out.find(">0</text>") != std::string::npos);
    CHECK(out.find(">5</text>") != std::string::npos);
  }

  TEST_CASE("a stacked chart: a legend, the parts that fit labelled, the total at the end") {
    svg::StackedChart c;
    c.title = "Needs by channel";
    c.series = {"received", "carried over"};
    c.bars = {{"hotline", {30, 2}}, {"visit", {0, 4}}};
    const std::string out = svg::stacked_chart(c);
    CHECK(out ==
          "<svg class=\"chart\" viewBox=\"0 0 640.0 99.0\" role=\"img\" aria-label=\"Needs by channel\" "
          "font-family=\"Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif\" font-size=\"12\" fill=\"#222\">\n"
          "<title>Needs by channel</title>\n"
          "<line x1=\"61.0\" y1=\"24.0\" x2=\"61.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
          "<text x=\"61.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">0</text>\n"
          "<line x1=\"199.2\" y1=\"24.0\" x2=\"199.2\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
          "<text x=\"199.2\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">10</text>\n"
          "<line x1=\"337.5\" y1=\"24.0\" x2=\"337.5\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
          "<text x=\"337.5\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">20</text>\n"
          "<line x1=\"475.8\" y1=\"24.0\" x2=\"475.8\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
          "<text x=\"475.8\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">30</text>\n"
          "<line x1=\"614.0\" y1=\"24.0\" x2=\"614.0\" y2=\"76.0\" stroke=\"#e0e0e0\"/>\n"
          "<text x=\"614.0\" y=\"91.0\" text-anchor=\"middle\" fill=\"#555\">40</text>\n"
          "<line x1=\"61.0\" y1=\"76.0\" x2=\"614.0\" y2=\"76.0\" stroke=\"#666\"/>\n"
          "<rect x=\"61.0\" y=\"4\" width=\"10\" height=\"10\" fill=\"#3b6ea8\"/><text x=\"75.0\" "
          "y=\"13\">received</text>\n"
          "<rect x=\"145.0\" y=\"4\" width=\"10\" height=\"10\" fill=\"#e39b2d\"/><text x=\"159.0\" y=\"13\">carried "
          "over</text>\n"
          "<g><text x=\"55.0\" y=\"42.0\" text-anchor=\"end\">hotline</text>\n"
          "<rect x=\"61.0\" y=\"30.0\" width=\"414.8\" height=\"16.0\" fill=\"#3b6ea8\"/>\n"
          "<text x=\"268.4\" y=\"42.0\" text-anchor=\"middle\" fill=\"#fff\">30</text>\n"
          "<rect x=\"475.8\" y=\"30.0\" width=\"27.7\" height=\"16.0\" fill=\"#e39b2d\"/>\n"
          "<text x=\"489.6\" y=\"42.0\" text-anchor=\"middle\" fill=\"#fff\">2</text>\n"
          "<text x=\"507.4\" y=\"42.0\">32</text>\n"
          "</g>\n"
          "<g><text x=\"55.0\" y=\"66.0\" text-anchor=\"end\">visit</text>\n"
          "<rect x=\"61.0\" y=\"54.0\" width=\"55.3\" height=\"16.0\" fill=\"#e39b2d\"/>\n"
          "<text x=\"88.7\" y=\"66.0\" text-anchor=\"middle\" fill=\"#fff\">4</text>\n"
          "<text x=\"120.3\" y=\"66.0\">4</text>\n"
          "</g>\n"
          "</svg>\n");
  }
}
