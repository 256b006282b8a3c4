// `svcorg report` on hostile user text (SPEC 7): names, summaries, titles and notes made
// of Markdown and HTML metacharacters must show as the same text through a real
// CommonMark + GFM renderer (cmark-gfm), never as markup, and never break a table; the
// HTML report (--format html) shows them as text too.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cmark_html.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using testing::count;
using testing::run_svcorg;

namespace {

const std::vector<std::string> kHostile = {
    "<script>alert(1)</script> | x",
    "**bold** _em_ [link](http://x) ![img](y) `code`",
    "line1\nline2",
    "&amp; &lt;",
    "# heading",
    "- list",
    "1. one",
    "> quote",
    "| pipe | pipe |",
    "~~del~~ <img src=x onerror=alert(1)> www.example.com",
};

// A YAML double-quoted scalar (JSON strings are YAML).
std::string q(const std::string& s) {
  return nlohmann::json(s).dump();
}

// How cmark-gfm shows `s` once escaped: line breaks fold to spaces, HTML-escaped.
std::string shown(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c == '\n') c = ' ';
  return testing::html_escape(out);
}

// A district of one organ branch whose every piece of free text is hostile; it validates
// without errors. The needs are overdue so the district report lists them.
void make_tree(const fs::path& root) {
  const auto& h = kHostile;
  testing::write_file(root / "district.yaml", "apiVersion: svcorg/v1\nkind: District\nid: d\nname: " + q(h[0]) +
                                                  "\nlang: en\nstreets:\n  - {id: s1, name: " + q(h[1]) + "}\n");
  testing::write_file(root / "branch.yaml",
                      "apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: " + q(h[0]) +
                          "\ntype: organ\nstreet: s1\nmembers: 40\nreserve_cadres: 1\n"
                          "secretary:\n  name: " +
                          q(h[1]) +
                          "\n  certified: true\n"
                          "  competencies: {orientation: 5, planning: 2, organizing: 4, coordination: 4, "
                          "adaptability: 3, communication: 1}\n");
  std::string needs;
  for (size_t i = 0; i < h.size(); ++i) {
    const std::string received = "2025-02-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1);
    needs += "---\napiVersion: svcorg/v1\nkind: Need\nid: n" + std::to_string(i) +
             "\nbranch: b1\nreceived: " + received + "\nchannel: visit\ncategory: work-style\nsummary: " + q(h[i]) +
             "\nlayer: branch\ndisposal: solve\nstatus: in-progress\nevents:\n  - {date: " + received +
             ", status: received}\n  - {date: 2025-02-11, status: in-progress, note: " + q(h[i]) + "}\n";
  }
  testing::write_file(root / "needs.yaml", needs);
  const char* categories[] = {"information", "liaison"};
  for (size_t p = 0; p < 2; ++p) {
    std::string meetings;
    for (int m = 1; m <= 12; ++m)
      meetings += "  - {date: 2025-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-15, attendees: 9" +
                  (m <= 10 ? ", note: " + q(kHostile[static_cast<size_t>(m - 1)]) : "") + "}\n";
    testing::write_file(root / ("platform" + std::to_string(p) + ".yaml"),
                        "apiVersion: svcorg/v1\nkind: Platform\nid: p" + std::to_string(p) + "\nname: " + q(h[p]) +
                            "\nowner: b1\nlevel: grassroots\ncategory: " + categories[p] +
                            "\ncadence: monthly\nestablished: 2020-01-01\nmeetings:\n" + meetings);
  }
  std::string items;
  for (size_t i = 0; i < h.size(); ++i)
    items += "  - id: item-" + std::to_string(i) + "\n    title: " + q(h[i]) +
             "\n    category: work-style\n    needs: [n" + std::to_string(i) +
             "]\n    approval: self\n    target: {metric: " + q(h[(i + 1) % h.size()]) +
             ", value: 3}\n    progress: 0.5\n";
  std::string awards;
  for (const auto& s : h) awards += "    - {kind: hard-problem, title: " + q(s) + ", approved: true}\n";
  testing::write_file(root / "plan.yaml",
                      "apiVersion: svcorg/v1\nkind: Plan\nid: b1-2025\nbranch: b1\nyear: 2025\nstatus: reviewed\n"
                      "base:\n  dues_paid_rate: 1.0\n  statistics_on_time: true\n  organizational_life: 12\n"
                      "items:\n" +
                          items +
                          "review:\n  member_survey: {respondents: 30, mean: 4.5}\n"
                          "  public_survey: {respondents: 40, mean: 4.2}\n  awards:\n" +
                          awards);
}

// What must hold of any report on the hostile tree.
void check_html(const std::string& markdown, const std::string& html) {
  CHECK(testing::ragged_table_lines(markdown) == std::vector<std::string>{});
  CHECK(count(html, "raw HTML omitted") == 0);
  CHECK(count(html, "<script") == 0);
  CHECK(count(html, "<img") == 0);
  CHECK(count(html, "<a ") == 0);
  CHECK(count(html, "<em>") == 0);
  CHECK(count(html, "<del>") == 0);
  CHECK(count(html, "<blockquote>") == 0);
  CHECK(count(html, "<ol>") <= 1);  // the card's "what to improve first", the only list
  // The report's own markup: <strong> for labels, <code> for ids only.
  CHECK(count(html, "<strong>bold</strong>") == 0);
  CHECK(count(html, "<code>code</code>") == 0);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; | x") != std::string::npos);
  for (const auto& t : testing::html_tables(html))
    for (const auto& row : t.rows) CHECK(row.size() == t.header.size());
}

// The number of table cells that show `text` and nothing else but an id after it.
size_t cells_showing(const std::string& html, const std::string& text) {
  size_t n = 0;
  for (const auto& t : testing::html_tables(html))
    for (const auto& row : t.rows)
      for (const auto& cell : row)
        if (cell == text || cell.rfind(text + " <code>", 0) == 0) ++n;
  return n;
}

}  // namespace

TEST_SUITE("e2e report escaping") {
  TEST_CASE("hostile user text shows as text in every report") {
    REQUIRE_MESSAGE(testing::have_cmark(), "cmark-gfm is not installed: run `make deps`");
    testing::TempDir tmp;
    make_tree(tmp.path());
    const auto v = run_svcorg("validate --color never --as-of 2025-12-31 .", tmp.path());
    INFO(v.out);
    REQUIRE(v.exit_code == 0);
    CHECK(v.out.find(" 0 errors, 2 warnings") != std::string::npos);  // the secretary's competency gaps

    for (const char* lang : {"en", "zh-CN"}) {
      const std::string language = lang;
      CAPTURE(language);
      const std::string opts = std::string(" --year 2025 --as-of 2025-12-31 --lang ") + lang;

      const auto d = run_svcorg("report ." + opts, tmp.path());
      REQUIRE(d.exit_code == 0);
      const std::string dh = testing::cmark_html(d.out);
      check_html(d.out, dh);
      // The district's name heads the report; the street's name shows in the roll-ups.
      CHECK(testing::html_headings(dh).front().second.find(shown(kHostile[0])) != std::string::npos);
      CHECK(cells_showing(dh, shown(kHostile[1])) >= 2);  // the street in the ranking and the streets
      CHECK(cells_showing(dh, shown(kHostile[0])) >= 2);  // the branch's name, a platform's name
      for (const auto& s : kHostile) {
        CAPTURE(s);
        CHECK(cells_showing(dh, shown(s)) >= 2);  // an overdue need's summary, an award's title
      }

      const auto b = run_svcorg("report . --scope branch:b1" + opts, tmp.path());
      REQUIRE(b.exit_code == 0);
      const std::string bh = testing::cmark_html(b.out);
      check_html(b.out, bh);
      CHECK(testing::html_headings(bh).front().second.find(shown(kHostile[0]) + " <code>b1</code>") !=
            std::string::npos);
      for (const auto& s : kHostile) {
        CAPTURE(s);
        // An item's title and a need's summary (the item's target below).
        CHECK(cells_showing(bh, shown(s)) >= 2);
        CHECK(bh.find("<td>" + shown(s) + " 3</td>") != std::string::npos);  // the target: metric and value
      }
      CHECK(cells_showing(bh, shown(kHostile[1])) >= 4);   // + a platform and its meetings
      CHECK(testing::count(bh, shown(kHostile[1])) >= 5);  // + the secretary, in a sentence

      const auto s = run_svcorg("report . --scope street:s1" + opts, tmp.path());
      REQUIRE(s.exit_code == 0);
      check_html(s.out, testing::cmark_html(s.out));
      CHECK(testing::html_headings(testing::cmark_html(s.out)).front().second.find(shown(kHostile[1])) !=
            std::string::npos);
    }
  }

  TEST_CASE("hostile user text shows as text in the HTML report") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    for (const char* scope : {"district", "street:s1", "branch:b1"})
      for (const char* lang : {"en", "zh-CN"}) {
        const std::string what = std::string(scope) + " " + lang;
        CAPTURE(what);
        const auto r = run_svcorg(
            std::string("report . --year 2025 --as-of 2025-12-31 --format html --scope ") + scope + " --lang " + lang,
            tmp.path());
        REQUIRE(r.exit_code == 0);
        const std::string& html = r.out;
        // (`src=` and `onerror=` are in the text, escaped: `&lt;img src=x onerror=…&gt;`.)
        for (const std::string markup : {"<script", "<img", "<a ", "<em>", "<del>", "href="}) {
          CAPTURE(markup);
          CHECK(count(html, markup) == 0);
        }
        // Each hostile text as text: line breaks folded, markup escaped, in a table cell or a
        // heading at least once (the street's name: its roll-up row or the street report's title).
        for (const auto& h : kHostile) {
          CAPTURE(h);
          CHECK(count(html, shown(h)) >= 1);
        }
      }
    // The district's chart of the streets: the street's name shortened to 24 columns, the
    // whole name in its <title>, both escaped.
    const auto d = run_svcorg("report . --year 2025 --as-of 2025-12-31 --format html --lang en", tmp.path());
    CHECK(d.out.find("<title>**bold** _em_ [link](http://x) ![img](y) `code`</title>"
                     "**bold** _em_ [link](ht…</text>") != std::string::npos);
    // The document's title: the district's name, escaped.
    CHECK(d.out.find("<title>District report: &lt;script&gt;alert(1)&lt;/script&gt; | x</title>") != std::string::npos);
  }
}
