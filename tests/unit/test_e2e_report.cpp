// End-to-end runs of `svcorg report` (SPEC 7, 8): golden reports for the example district
// in both languages and every scope (tests/golden/report/; regenerate with
// SVCORG_UPDATE_GOLDEN=1 and review the diff), their HTML through cmark-gfm, order
// independence, `-o`, and exit codes.
#include <doctest/doctest.h>

#include <algorithm>

#include "cmark_html.hpp"
#include "support.hpp"
#include "svcorg/render/labels.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;

namespace {

struct Golden {
  const char* file;   // under tests/golden/report/
  const char* scope;  // district, street:ID, branch:ID
  const char* lang;
  const char* dates;
};

const char* k2025 = "--year 2025 --as-of 2025-12-31";

const Golden kGoldens[] = {
    {"district-en.md", "district", "en", k2025},
    {"district-zh-CN.md", "district", "zh-CN", k2025},
    {"street-en.md", "street:nanjingxi", "en", k2025},
    {"street-zh-CN.md", "street:nanjingxi", "zh-CN", k2025},
    {"branch-en.md", "branch:meiliyuan", "en", k2025},
    {"branch-zh-CN.md", "branch:meiliyuan", "zh-CN", k2025},
    // A year in progress: plans not reviewed yet, so every score is provisional.
    {"district-2026-zh-CN.md", "district", "zh-CN", "--year 2026 --as-of 2026-11-26"},
};

fs::path golden_path(const Golden& g) {
  return testing::kSource / "tests" / "golden" / "report" / g.file;
}

std::string args(const Golden& g, const std::string& paths = "examples") {
  return std::string("report ") + paths + " " + g.dates + " --scope " + g.scope + " --lang " + g.lang;
}

bool has_heading(const std::vector<std::pair<int, std::string>>& hs, int level, const std::string& text) {
  return std::find(hs.begin(), hs.end(), std::make_pair(level, text)) != hs.end();
}

// The h1 and h2 headings SPEC 7 asks of each scope, in the report's language.
void check_headings(const Golden& g, const std::string& html) {
  const svcorg::render::Labels l(*svcorg::i18n::parse_lang(g.lang));
  // The heading `report.<key>` of the catalogue.
  auto h = [&](const char* key) { return testing::html_escape(l.tr(("report." + std::string(key)).c_str())); };
  // The h1 up to the name: "District report: " / "区级报告：".
  auto heading_prefix = [&](const char* key) {
    return testing::html_escape(
        l.tr("report.heading", {{"title", l.tr(("report." + std::string(key)).c_str())}, {"name", ""}}));
  };
  const auto hs = testing::html_headings(html);
  REQUIRE(!hs.empty());
  CHECK(hs.front().first == 1);
  CHECK(std::count_if(hs.begin(), hs.end(), [](const auto& x) { return x.first == 1; }) == 1);
  const std::string scope = g.scope;
  if (scope.rfind("branch:", 0) == 0) {
    CHECK(hs.front().second.rfind(heading_prefix("branch-report"), 0) == 0);
    CHECK(hs.front().second.find("<code>meiliyuan</code>") != std::string::npos);
    for (const char* key : {"components", "improve-first", "plan-items", "needs", "platforms", "secretaries"}) {
      const std::string label = key;
      CAPTURE(label);
      CHECK(has_heading(hs, 2, h(key)));
    }
    CHECK(has_heading(hs, 3, h("meetings")));
    // The total and the grade head the card.
    CHECK(std::any_of(hs.begin(), hs.end(), [&](const auto& x) {
      return x.first == 2 && x.second.rfind(testing::html_escape(l.get("component", "total")), 0) == 0;
    }));
    return;
  }
  const bool district = scope == "district";
  CHECK(hs.front().second.rfind(heading_prefix(district ? "district-report" : "street-report"), 0) == 0);
  for (const char* key :
       {"summary", "ranking", "streets", "ledger", "platforms", "secretaries", "awards", "appendix"}) {
    const std::string label = key;
    CAPTURE(label);
    CHECK(has_heading(hs, 2, h(key)));
  }
  for (const char* key :
       {"by-channel", "by-category", "by-disposal", "by-layer", "oldest-overdue", "weights", "rules"}) {
    const std::string label = key;
    CAPTURE(label);
    CHECK(has_heading(hs, 3, h(key)));
  }
  // The ranking has one h3 per branch type present.
  CHECK(has_heading(hs, 3, testing::html_escape(l.get("type", "residential"))));
}

// The HTML of a report, after checking what must hold of every report: each table line
// has as many cells as its header in the source (GFM would hide a ragged row by padding
// or dropping cells) and in the HTML, and no raw HTML was dropped.
std::string check_sound(const std::string& markdown) {
  CHECK(testing::ragged_table_lines(markdown) == std::vector<std::string>{});
  const std::string html = testing::cmark_html(markdown);
  CHECK(testing::count(html, "raw HTML omitted") == 0);
  CHECK(testing::count(html, "<script") == 0);
  const auto tables = testing::html_tables(html);
  CHECK(tables.size() >= 3);
  for (size_t t = 0; t < tables.size(); ++t) {
    CAPTURE(t);
    CHECK(!tables[t].header.empty());
    CHECK(!tables[t].rows.empty());
    for (const auto& row : tables[t].rows) CHECK(row.size() == tables[t].header.size());
  }
  return html;
}

}  // namespace

TEST_SUITE("e2e report") {
  TEST_CASE("golden reports of the example district") {
    for (const auto& g : kGoldens) {
      const std::string file = g.file;
      CAPTURE(file);
      const auto r = run_svcorg(args(g));
      CHECK(r.exit_code == 0);
      CHECK(r.err.empty());
      if (testing::update_golden()) testing::write_file(golden_path(g), r.out);
      CHECK(r.out == testing::read_file(golden_path(g)));
    }
  }

  TEST_CASE("the golden reports render to sound HTML with cmark-gfm") {
    REQUIRE_MESSAGE(testing::have_cmark(), "cmark-gfm is not installed: run `make deps`");
    for (const auto& g : kGoldens) {
      const std::string file = g.file;
      CAPTURE(file);
      const std::string markdown = testing::read_file(golden_path(g));
      const std::string html = check_sound(markdown);
      check_headings(g, html);
      // Mermaid charts stay code blocks for a Mermaid-aware viewer.
      const std::string scope = g.scope;
      const size_t mermaid = testing::count(html, "<pre><code class=\"language-mermaid\">");
      if (scope == "district") CHECK(mermaid == 3);             // bars by street and by type, the pie of channels
      if (scope.rfind("street:", 0) == 0) CHECK(mermaid == 2);  // bars by type, the pie of channels
      if (scope.rfind("branch:", 0) == 0) CHECK(mermaid == 0);
      CHECK(testing::count(html, "<pre><code") == mermaid);
    }
  }

  TEST_CASE("every branch's card and every street's report render to sound HTML") {
    REQUIRE_MESSAGE(testing::have_cmark(), "cmark-gfm is not installed: run `make deps`");
    for (const auto& street : fs::directory_iterator(testing::kSource / "examples" / "branches")) {
      const std::string id = street.path().filename().string();
      CAPTURE(id);
      const auto r = run_svcorg("report examples " + std::string(k2025) + " --scope street:" + id);
      CHECK(r.exit_code == 0);
      check_sound(r.out);
      // 2026: provisional scores, and one branch without a plan.
      for (const auto& branch : fs::directory_iterator(street.path())) {
        const std::string b = branch.path().stem().string();
        CAPTURE(b);
        const auto c = run_svcorg("report examples --year 2026 --as-of 2026-11-26 --lang en --scope branch:" + b);
        CHECK(c.exit_code == 0);
        check_sound(c.out);
      }
    }
  }

  TEST_CASE("2026 reports show the needs carried over from 2025 (rev 2)") {
    // What needs attention and the ledger's oldest overdue needs start with mly-2025-005
    // (due 2025-05-06, 569 days before 2026-11-26), by its branch's name, marked as carried over.
    const std::string d2026 = testing::read_file(golden_path(kGoldens[6]));
    CHECK(d2026.find("| 往年结转需求 | 15（2025年15件） |\n") != std::string::npos);
    CHECK(d2026.find("## 需要关注的事项\n\n**逾期需求：6件**\n\n"
                     "- 美丽园居民区党总支：延安西路379弄39号居民提出加装电梯意愿征询与协调，逾期**569**天，2025年结转"
                     "（`mly-2025-005`）\n") != std::string::npos);
    CHECK(d2026.find(
              "| 党组织 | 摘要 | 逾期天数 | 受理日期 | 期限 | 需求 |\n| --- | --- | ---: | --- | --- | --- |\n"
              "| 美丽园居民区党总支 | 延安西路379弄39号居民提出加装电梯意愿征询与协调 | 569 | 2025-02-05（结转） | "
              "2025-05-06 | `mly-2025-005` |\n") != std::string::npos);
    // meiliyuan's card names it first among what to improve in its effect, and first among its needs.
    const auto card = run_svcorg("report examples --year 2026 --as-of 2026-11-26 --lang en --scope branch:meiliyuan");
    CHECK(card.exit_code == 0);
    CHECK(card.out.find("   - needs carried over from earlier years and still open: "
                        "延安西路379弄39号居民提出加装电梯意愿征询与协调 "
                        "\\(569 days overdue\\)\n   - open needs: 沿街餐饮店油烟扰民\n") != std::string::npos);
    CHECK(
        card.out.find("## Needs\n\n| Summary | Status | Category | Received | Due | Need |\n"
                      "| --- | --- | --- | --- | --- | --- |\n| 延安西路379弄39号居民提出加装电梯意愿征询与协调 | "
                      "**In progress, 569 days overdue** | Elderly care | 2025-02-05 \\(carried over\\) | 2025-05-06 | "
                      "`mly-2025-005` |\n") != std::string::npos);
  }

  TEST_CASE("district and street reports open with what needs attention, by name (issue 22)") {
    // The first screen (15 lines) of the district report names the 239-day lift need by its branch.
    for (size_t g : {0, 1, 2, 3}) {
      const std::string text = testing::read_file(golden_path(kGoldens[g]));
      size_t end = 0;
      for (int line = 0; line < 15 && end != std::string::npos; ++line) end = text.find('\n', end + 1);
      const std::string first = text.substr(0, end);
      const std::string zh = kGoldens[g].lang;
      CAPTURE(zh);
      CHECK(first.find(
                zh == "en"
                    ? "- 美丽园居民区党总支: 延安西路379弄39号居民提出加装电梯意愿征询与协调, **239** days overdue "
                      "\\(`mly-2025-005`\\)\n"
                    : "- 美丽园居民区党总支：延安西路379弄39号居民提出加装电梯意愿征询与协调，逾期**239**天"
                      "（`mly-2025-005`）\n") != std::string::npos);
    }
    const std::string en = testing::read_file(golden_path(kGoldens[0]));
    // Behind schedule means what rule platform-cadence warns of: fewer meetings than the
    // whole periods due, never a pro-rata 3.6.
    CHECK(en.find("- 江宁路楼宇企业协商会 \\(江宁路街道楼宇联合党总支\\): held 2 of the 4 meetings due by 2025-12-31\n"
                  "- 景华居民区协商议事会 \\(景华居民区党总支\\): held 9 of the 12 meetings due by 2025-12-31\n") !=
          std::string::npos);
    const std::string warned_2025 = run_svcorg("validate examples " + std::string(k2025) + " --format json").out;
    CHECK(testing::count(warned_2025, "\"platform-cadence\"") == 2);
    const auto warned_2026 = run_svcorg("validate examples --year 2026 --as-of 2026-11-26");
    CHECK(testing::count(warned_2026.out + warned_2026.err, "[platform-cadence]") == 1);
    CHECK((warned_2026.out + warned_2026.err).find("examples/platforms/jnly-xieshang.yaml:") != std::string::npos);
    CHECK(testing::read_file(golden_path(kGoldens[6]))
              .find("**未按频次运行的平台**\n\n- "
                    "江宁路楼宇企业协商会（江宁路街道楼宇联合党总支）：截至2026年11月26日应开3次，"
                    "已开2次\n\n**") != std::string::npos);
    CHECK(en.find("**Secretaries without certificate**: 久光百货党支部, 康定居民区党支部, 西康居民区党支部\n") !=
          std::string::npos);
    CHECK(en.find("**Grades**: Excellent 10, Good 14, Fair 0, Poor 0\n") != std::string::npos);
    const std::string zh = testing::read_file(golden_path(kGoldens[1]));
    CHECK(zh.find("**等级分布**：优秀10个、良好14个、一般0个、较差0个\n") != std::string::npos);
    // 2026 compares with 2025, scored by the same machinery.
    const std::string d2026 = testing::read_file(golden_path(kGoldens[6]));
    CHECK(d2026.find("**与2025年度相比**：平均总分88.77 → ") != std::string::npos);
    CHECK(d2026.find("| 类内排名 | 党组织 | 街道 | 总分 | 等级 | 区内排名 | 较2025年度 |\n") != std::string::npos);
    CHECK(d2026.find("| 街道 | 基层党组织 | 已评分 | 平均总分 | 较2025年度 | 本级负责的需求 |") != std::string::npos);
    CHECK(d2026.find("| 南京西路街道 | 6 | 6 | 85.89 | −4.76 | 15 |") != std::string::npos);
    // Names, not ids: no table cell is a branch's or street's id.
    for (const auto& g : kGoldens) {
      const std::string text = testing::read_file(golden_path(g));
      for (const char* id : {"meiliyuan", "nanjingxi", "jiangning-louyu", "jingan"}) {
        CAPTURE(id);
        CHECK(text.find("| `" + std::string(id) + "` |") == std::string::npos);
      }
    }
  }

  TEST_CASE("long tables show 10 rows and a count of the rest, --detail shows them all") {
    const std::string capped = testing::read_file(golden_path(kGoldens[0]));
    CHECK(capped.find("… and 21 more \\(all of them with `--detail`\\).\n") != std::string::npos);
    CHECK(capped.find("… and 20 more platforms, all at 100% \\(all of them with `--detail`\\).\n") !=
          std::string::npos);
    CHECK(capped.find("The other 19 secretaries are certified") != std::string::npos);
    const auto all = run_svcorg("report examples --year 2025 --lang en --detail");
    CHECK(all.exit_code == 0);
    CHECK(all.out.find("… and") == std::string::npos);
    CHECK(all.out.find("The other") == std::string::npos);
    CHECK(all.out.find("| 静安置业集团职工志愿服务队 | 静安置业集团党委 |") != std::string::npos);  // the 30th platform
    CHECK(testing::ragged_table_lines(all.out) == std::vector<std::string>{});
  }

  TEST_CASE("--brief: what needs attention, the rankings and the streets, nothing after") {
    for (const char* scope : {"district", "street:nanjingxi"}) {
      CAPTURE(scope);
      const std::string args = std::string("report examples --year 2025 --lang en --scope ") + scope;
      const auto full = run_svcorg(args), brief = run_svcorg(args + " --brief");
      REQUIRE(full.exit_code == 0);
      REQUIRE(brief.exit_code == 0);
      const size_t ledger = full.out.find("\n## Needs ledger\n");
      REQUIRE(ledger != std::string::npos);
      CHECK(brief.out == full.out.substr(0, ledger + 1));  // the same sections, up to the detail
      CHECK(brief.out.find("## What needs attention\n") != std::string::npos);
      CHECK(brief.out.find("## Ranking by type") != std::string::npos);
    }
    const auto card = run_svcorg("report examples --year 2025 --scope branch:meiliyuan");
    CHECK(run_svcorg("report examples --year 2025 --scope branch:meiliyuan --brief").out == card.out);
  }

  TEST_CASE("the as-of date is shown and provisional scores are marked") {
    const std::string d2025 = testing::read_file(golden_path(kGoldens[0]));
    CHECK(d2025.find("\n\nYear 2025 · as of 2025-12-31\n\n") != std::string::npos);
    CHECK(d2025.find("provisional") == std::string::npos);
    const std::string d2026 = testing::read_file(golden_path(kGoldens[6]));
    CHECK(d2026.find("\n\n2026年度 · 截至2026年11月26日\n\n") != std::string::npos);
    // Every 2026 score is provisional: one note says so, and no total carries a mark.
    CHECK(d2026.find("\n\n> 所有得分均为暂定：本年度计划尚未评估。\n\n") != std::string::npos);
    CHECK(d2026.find("\\*") == std::string::npos);
    const auto card = run_svcorg("report examples --year 2026 --as-of 2026-11-26 --lang en --scope branch:meiliyuan");
    CHECK(card.out.find("\n\n> The score is provisional: the plan has not been reviewed.\n\n") != std::string::npos);
  }

  TEST_CASE("byte-identical whatever the order of the inputs") {
    const std::string shuffled =
        "examples/plans examples/needs examples/branches examples/platforms examples/district.yaml";
    const std::string sorted =
        "examples/branches examples/district.yaml examples/needs examples/plans examples/platforms";
    for (const auto& g : kGoldens) {
      const std::string file = g.file;
      CAPTURE(file);
      const auto a = run_svcorg(args(g, shuffled));
      const auto b = run_svcorg(args(g, sorted));
      CHECK(a.exit_code == 0);
      CHECK(a.out == b.out);
      CHECK(a.out == testing::read_file(golden_path(g)));
    }
    // A copy of the tree whose files were created in reverse order.
    testing::TempDir tmp;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(testing::kSource / "examples"))
      if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.rbegin(), files.rend());
    for (const auto& f : files)
      testing::write_file(tmp.path() / fs::relative(f, testing::kSource / "examples"), testing::read_file(f));
    const auto c = run_svcorg(args(kGoldens[1], "."), tmp.path());
    CHECK(c.out == testing::read_file(golden_path(kGoldens[1])));
  }

  TEST_CASE("no wall-clock time: a past year's as-of date defaults to its December 31") {
    const auto r = run_svcorg("report examples --year 2025 --lang en");
    CHECK(r.exit_code == 0);
    CHECK(r.out == testing::read_file(golden_path(kGoldens[0])));
  }

  TEST_CASE("the report's language defaults to the District's") {
    const auto r = run_svcorg(std::string("report examples ") + k2025);
    CHECK(r.exit_code == 0);
    CHECK(r.out == testing::read_file(golden_path(kGoldens[1])));  // examples/district.yaml: lang zh-CN
  }

  TEST_CASE("-o writes the file atomically and nothing on standard output") {
    testing::TempDir tmp;
    const fs::path out = tmp.path() / "report.md";
    testing::write_file(out, "old content\n");
    auto r = run_svcorg(args(kGoldens[4]) + " -o '" + out.string() + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "svcorg: wrote " + out.string() + "\n");
    CHECK(testing::read_file(out) == testing::read_file(golden_path(kGoldens[4])));
    // No temporary file is left beside it.
    size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 1);
    r = run_svcorg(args(kGoldens[4]) + " -q -o '" + out.string() + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    // An unwritable destination is an error, and nothing goes to standard output.
    r = run_svcorg(args(kGoldens[4]) + " -o '" + (tmp.path() / "no" / "such" / "dir.md").string() + "'");
    CHECK(r.exit_code != 0);
    CHECK(r.out.empty());
    CHECK(!r.err.empty());
  }

  TEST_CASE("usage errors exit 2 and inputs with errors exit 1") {
    for (const char* bad : {"--lang en --scope street:nope", "--lang en --scope branch:nope",
                            "--lang en --scope county", "--lang en --scope street:", "--lang fr", "--lang zh"}) {
      const std::string option = bad;
      CAPTURE(option);
      const auto r = run_svcorg(std::string("report examples ") + k2025 + " " + option);
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find("svcorg: error: ") != std::string::npos);
    }
    CHECK(run_svcorg(std::string("report examples ") + k2025 + " --lang en --scope street:nope").err ==
          "svcorg: error: --scope `nope` names no street\n");
    // The example District is zh-CN: without --lang, its language.
    CHECK(run_svcorg(std::string("report examples ") + k2025 + " --scope street:nope").err ==
          "svcorg：错误：--scope `nope`：没有这个编号或名称的街道\n");
    // A typo gets the id it most likely means (issue 21).
    CHECK(run_svcorg(std::string("report examples ") + k2025 + " --lang en --scope street:nanjingx").err ==
          "svcorg: error: --scope `nanjingx` names no street; did you mean `nanjingxi`?\n");
    CHECK(run_svcorg(std::string("report examples ") + k2025 + " --scope branch:meiliyan").err ==
          "svcorg：错误：--scope `meiliyan`：没有这个编号或名称的党组织，是不是 `meiliyuan`？\n");
    CHECK(run_svcorg(std::string("score examples ") + k2025 + " --lang en --explain meiliyan").err ==
          "svcorg: error: --explain `meiliyan` names no branch; did you mean `meiliyuan`?\n");
    CHECK(run_svcorg("report examples --as-of 2025-02-30").exit_code == 2);

    testing::TempDir tmp;
    for (const auto& e : fs::directory_iterator(testing::kSource / "examples")) {
      if (e.path().extension() == ".yaml")
        testing::write_file(tmp.path() / e.path().filename(), testing::read_file(e.path()));
    }
    testing::write_file(tmp.path() / "bad.yaml",
                        "apiVersion: svcorg/v1\nkind: Need\nid: n1\nbranch: nobody\nreceived: 2025-03-02\n"
                        "channel: visit\ncategory: work-style\nsummary: x\nlayer: branch\ndisposal: solve\n"
                        "status: received\nevents:\n  - {date: 2025-03-02, status: received}\n");
    const auto r = run_svcorg(std::string("report . ") + k2025, tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("bad.yaml") != std::string::npos);
  }

  TEST_CASE("warnings give a report all the same but --strict refuses them") {
    testing::TempDir tmp;
    testing::write_file(tmp.path() / "district.yaml",
                        "apiVersion: svcorg/v1\nkind: District\nid: d\nname: D\nstreets:\n  - {id: s1, name: S}\n");
    // An organ branch without the platforms its type requires: a warning.
    testing::write_file(tmp.path() / "b1.yaml",
                        "apiVersion: svcorg/v1\nkind: Branch\nid: b1\nname: B\ntype: organ\nstreet: s1\nmembers: 10\n"
                        "reserve_cadres: 1\nsecretary: {name: W, certified: true}\n");
    auto r = run_svcorg(std::string("report . ") + k2025, tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("# District report: D\n", 0) == 0);
    r = run_svcorg(std::string("report . --strict ") + k2025, tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("[required-platform]") != std::string::npos);
    // Nothing scored, no needs, no platforms: the sections say so, the tables stay sound.
    r = run_svcorg(std::string("report . --scope branch:b1 ") + k2025, tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("**Not scored**: no plan for the year\n") != std::string::npos);
    CHECK(r.out.find("No needs received in the year and none carried over from earlier years.\n") != std::string::npos);
    CHECK(r.out.find("No platforms.\n") != std::string::npos);
    CHECK(testing::ragged_table_lines(r.out) == std::vector<std::string>{});
    CHECK(testing::count(testing::cmark_html(r.out), "<table>") == 0);  // the secretary in a sentence, no one-row table
    CHECK(
        r.out.find("## Secretaries\n\nSecretary W; certified: yes; competency gaps: not rated; reserve cadres: 1.\n") !=
        std::string::npos);
  }
}
