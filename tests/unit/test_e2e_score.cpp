// End-to-end runs of `svcorg score` (SPEC 6, 8): refusing inputs with errors, the
// --fail-under gate and its filters, --explain, -o, usage errors, order independence,
// and the golden outputs of the example district.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kDistrict = tree::district("", {tree::kNanjingxi, tree::kCaojiadu}).text();

// tree::ranked_district (top 95, org 92, alpha 90, zeta 90.004 → 90.00, low 85) and
// nopl, a branch without a plan.
void make_district(const fs::path& root) {
  tree::write(root, tree::ranked_district());
  write_file(root / "branches" / "nopl.yaml", tree::scored_branch("nopl").text());
}

const std::string kScore = "score --year 2026 --as-of 2026-12-31 ";

// The example district's files, as paths relative to the source tree, sorted.
std::vector<std::string> example_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(testing::kSource / "examples")) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml"))
      out.push_back(fs::relative(e.path(), testing::kSource).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += " '" + s + "'";
  return out;
}

std::string last_line(const std::string& text) {
  REQUIRE(!text.empty());
  REQUIRE(text.back() == '\n');
  const auto start = text.rfind('\n', text.size() - 2);
  return text.substr(start == std::string::npos ? 0 : start + 1, std::string::npos);
}

}  // namespace

TEST_SUITE("e2e score") {
  TEST_CASE("the hand-set district scores as expected") {
    testing::TempDir tmp;
    make_district(tmp.path());
    auto r = run_svcorg(kScore + "--format json .", tmp.path());
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> ids;
    std::vector<double> totals;
    std::vector<int> ranks, type_ranks;
    for (const auto& b : j["branches"]) {
      ids.push_back(b["id"]);
      totals.push_back(b["total"]);
      ranks.push_back(b["rank_in_district"]);
      type_ranks.push_back(b["rank_in_type"]);
    }
    CHECK(ids == std::vector<std::string>{"top", "org", "alpha", "zeta", "low"});
    CHECK(totals == std::vector<double>{95.0, 92.0, 90.0, 90.0, 85.0});
    CHECK(ranks == std::vector<int>{1, 2, 3, 3, 5});
    CHECK(type_ranks == std::vector<int>{1, 1, 2, 2, 4});
    REQUIRE(j["unscored"].size() == 1);
    CHECK(j["unscored"][0]["id"] == "nopl");
    CHECK(j["unscored"][0]["reason"] == "missing-plan");
    CHECK(j["base_weight"] == 1.0);
    CHECK(r.err.find("[missing-plan]") != std::string::npos);
  }

  TEST_CASE("inputs with errors: exit 1, diagnostics on stderr, nothing on stdout") {
    testing::TempDir tmp;
    make_district(tmp.path());
    write_file(tmp.path() / "needs" / "n1.yaml", tree::need("n1", "nobody").text());
    for (const char* format : {"table", "json", "csv"}) {
      CAPTURE(format);
      auto r = run_svcorg(kScore + "--color never --format " + format + " .", tmp.path());
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      CHECK(r.err.find("needs/n1.yaml:4:9: error: ") != std::string::npos);
      CHECK(r.err.find("[reference]") != std::string::npos);
      CHECK(r.err.find("the inputs have errors") != std::string::npos);
    }
    // -o writes nothing either.
    auto r = run_svcorg(kScore + "-o out.json .", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK_FALSE(fs::exists(tmp.path() / "out.json"));
  }

  TEST_CASE("--fail-under: exit 1 when a shown branch is under N") {
    testing::TempDir tmp;
    make_district(tmp.path());
    auto run = [&](const std::string& args) { return run_svcorg(kScore + args + " .", tmp.path()); };
    SUBCASE("every branch") {
      CHECK(run("--fail-under 85").exit_code == 0);  // low is 85.00: not under
      auto r = run("--fail-under 85.01");
      CHECK(r.exit_code == 1);
      CHECK(r.err.find("svcorg: 1 branch scored under 85.01: low (85.00)") != std::string::npos);
      CHECK_FALSE(r.out.empty());  // the scores are still shown
      // zeta's total is 90.00 once rounded (90.004 before): it is under 90.001 too.
      r = run("--fail-under 90.001");
      CHECK(r.exit_code == 1);
      CHECK(r.err.find("svcorg: 3 branches scored under 90.001: alpha (90.00), zeta (90.00), low (85.00)") !=
            std::string::npos);
    }
    SUBCASE("--type narrows what is checked") {
      CHECK(run("--fail-under 90 --type organ").exit_code == 0);  // org 92
      CHECK(run("--fail-under 93 --type organ").exit_code == 1);
      CHECK(run("--fail-under 90 --type residential").exit_code == 1);  // low 85
      CHECK(run("--fail-under 90 --type building").exit_code == 0);     // no branch of the type
    }
    SUBCASE("--street narrows what is checked") {
      CHECK(run("--fail-under 90 --street nanjingxi").exit_code == 0);  // top 95, zeta 90.00
      auto r = run("--fail-under 90 --street caojiadu");                // org 92, alpha 90, low 85
      CHECK(r.exit_code == 1);
      CHECK(r.err.find("svcorg: 1 branch scored under 90: low (85.00)") != std::string::npos);
    }
    SUBCASE("--branch narrows what is checked") {
      CHECK(run("--fail-under 90 --branch top").exit_code == 0);
      CHECK(run("--fail-under 90 --branch low").exit_code == 1);
      CHECK(run("--fail-under 90 --branch nopl").exit_code == 0);  // not scored: nothing to check
    }
  }

  TEST_CASE("filters narrow the shown branches, not the ranks") {
    testing::TempDir tmp;
    make_district(tmp.path());
    auto r = run_svcorg(kScore + "--format json --street caojiadu .", tmp.path());
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> ids;
    for (const auto& b : j["branches"]) ids.push_back(b["id"]);
    CHECK(ids == std::vector<std::string>{"org", "alpha", "low"});
    CHECK(j["branches"][1]["rank_in_district"] == 3);  // among all five
    REQUIRE(j["streets"].size() == 1);
    CHECK(j["streets"][0]["id"] == "caojiadu");
  }

  TEST_CASE("--explain ID") {
    testing::TempDir tmp;
    make_district(tmp.path());
    auto r = run_svcorg(kScore + "--explain zeta .", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("zeta 支部zeta (residential, street 南京西路街道): plan zeta-2026 for 2026", 0) == 0);
    for (const char* part :
         {"base ", "dues ", "statistics ", "organizational_life ", "member_development", "autonomous ", "plan_level ",
          "execution ", "effect ", "systems ", "satisfaction ", "bonus "}) {
      CAPTURE(part);
      CHECK(r.out.find(part) != std::string::npos);
    }
    const std::string total = last_line(r.out);
    CHECK(total.rfind("total = ", 0) == 0);
    CHECK(total.find("= 90.00 → excellent") != std::string::npos);
    CHECK(total.find("rank 3 in the district") != std::string::npos);

    auto unknown = run_svcorg(kScore + "--explain nobody .", tmp.path());
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err.find("--explain `nobody` names no branch\n") != std::string::npos);
    auto unscored = run_svcorg(kScore + "--explain nopl .", tmp.path());
    CHECK(unscored.exit_code == 2);
    CHECK(unscored.err.find("nopl is not scored for 2026 (missing-plan)") != std::string::npos);
  }

  TEST_CASE("--explain shows the weights applied when a group's weights do not sum to 1") {
    testing::TempDir tmp;
    make_district(tmp.path());
    // dues 2, the rest 0: the weights sum to 2, so dues weighs 2 ÷ 2 = 1 and the total
    // stays 100 × dues_paid_rate.
    write_file(tmp.path() / "district.yaml",
               kDistrict +
                   "scoring:\n  base_weight: {default: 1}\n"
                   "  base: {dues: 2, statistics: 0, organizational_life: 0, member_development: 0}\n");
    auto r = run_svcorg(kScore + "--explain top .", tmp.path());
    REQUIRE(r.exit_code == 0);
    const auto lines = testing::lines_of(r.out);
    REQUIRE(lines.size() > 3);
    CHECK(lines[1] ==
          "├─ base 95.00 × β 1 → 95.00   (the weights of the parts counted sum to 2, not 1: each weight applied "
          "below is the written one ÷ 2)");
    CHECK(lines[2] == "│  ├─ dues 95.00 × weight 1.0000 (2 ÷ 2) → 95.00   (dues_paid_rate 0.95)");
    CHECK(lines[3].rfind("│  ├─ statistics ", 0) == 0);
    CHECK(lines[3].find("× weight 0.0000 (0 ÷ 2) → 0.00") != std::string::npos);
    CHECK(last_line(r.out).find("= 95.00 → excellent") != std::string::npos);
    auto zh = run_svcorg(kScore + "--explain top --lang zh-CN .", tmp.path());
    const auto zh_lines = testing::lines_of(zh.out);
    REQUIRE(zh_lines.size() > 2);
    CHECK(zh_lines[1] ==
          "├─ 基础部分 95.00 × β 1 → 95.00   （计入的各部分权重之和为2，不是1：下面实际采用的权重是所写权重除以2）");
    CHECK(zh_lines[2].find("× 权重 1.0000（2 ÷ 2）→ 95.00") != std::string::npos);
  }

  TEST_CASE("-o FILE writes the file and nothing on stdout") {
    testing::TempDir tmp;
    make_district(tmp.path());
    for (const char* format : {"table", "json", "csv"}) {
      CAPTURE(format);
      const std::string args = kScore + "--format " + format;
      auto to_stdout = run_svcorg(args + " .", tmp.path());
      auto to_file = run_svcorg(args + " -o result.out .", tmp.path());
      CHECK(to_file.exit_code == 0);
      CHECK(to_file.out.empty());
      REQUIRE(fs::exists(tmp.path() / "result.out"));
      CHECK(testing::read_file(tmp.path() / "result.out") == to_stdout.out);
      fs::remove(tmp.path() / "result.out");
    }
    // --explain goes to the file too.
    auto r = run_svcorg(kScore + "--explain top -o explain.txt .", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(testing::read_file(tmp.path() / "explain.txt").rfind("top ", 0) == 0);
  }

  TEST_CASE("usage errors exit 2") {
    testing::TempDir tmp;
    make_district(tmp.path());
    auto r = run_svcorg(kScore + "--type village .", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--type `village` is not allowed (allowed: `residential` (居民区), ") != std::string::npos);
    const auto typo = run_svcorg(kScore + "--type residentail .", tmp.path());
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("did you mean `residential`?") != std::string::npos);
    const auto label = run_svcorg(kScore + "--type 居民区 --format json .", tmp.path());
    CHECK(label.exit_code == 0);  // a type's label is taken for its id
    CHECK(label.out == run_svcorg(kScore + "--type residential --format json .", tmp.path()).out);
    CHECK(run_svcorg(kScore + "--format xml .", tmp.path()).exit_code == 2);
    CHECK(run_svcorg("score --as-of 2026-02-30 .", tmp.path()).exit_code == 2);
    CHECK(run_svcorg(kScore + "does/not/exist", tmp.path()).exit_code == 2);
  }

  TEST_CASE("the common options --strict and --jobs (SPEC 8)") {
    testing::TempDir tmp;
    make_district(tmp.path());  // warnings: missing-plan (nopl), no-needs, no-survey, …
    const auto plain = run_svcorg(kScore + "--format json .", tmp.path());
    REQUIRE(plain.exit_code == 0);
    REQUIRE(plain.err.find("warning:") != std::string::npos);
    // "1 the inputs have errors (or warnings with --strict …)"
    CHECK(run_svcorg(kScore + "--strict --format json .", tmp.path()).exit_code == 1);
    for (const char* jobs : {"--jobs 1 ", "--jobs 2 ", "--jobs 3 "}) {
      CAPTURE(jobs);
      const auto r = run_svcorg(kScore + jobs + "--format json .", tmp.path());
      CHECK(r.exit_code == 0);
      CHECK((r.out == plain.out));  // (not decomposed: the outputs are long)
      CHECK((r.err == plain.err));
    }
  }

  TEST_CASE("no path is the current directory, - is standard input") {
    testing::TempDir tmp;
    make_district(tmp.path());
    const auto dot = run_svcorg(kScore + "--format json .", tmp.path());
    REQUIRE(dot.exit_code == 0);
    const auto none = run_svcorg(kScore + "--format json", tmp.path());
    CHECK(none.exit_code == 0);
    CHECK((none.out == dot.out));
    // Every record in one stream.
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path()))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string stream;
    for (const auto& f : files) stream += (stream.empty() ? "" : "---\n") + testing::read_file(f);
    const auto in = run_svcorg(kScore + "--format json -", tmp.path(), &stream);
    CHECK(in.exit_code == 0);
    CHECK((in.out == dot.out));
  }

  TEST_CASE("a past --year defaults the as-of date to its Dec 31 (SPEC 5)") {
    const auto given = run_svcorg("score -q examples --year 2025 --as-of 2025-12-31 --format json");
    const auto defaulted = run_svcorg("score -q examples --year 2025 --format json");
    CHECK(defaulted.exit_code == 0);
    CHECK(defaulted.out.find("\"as_of\": \"2025-12-31\"") != std::string::npos);
    CHECK(defaulted.out == given.out);
  }

  TEST_CASE("input order never changes a byte (json, csv)") {
    const auto files = example_files();
    REQUIRE(files.size() > 100);
    auto reversed = files;
    std::reverse(reversed.begin(), reversed.end());
    // Folders given in another order, and every file given one by one, both ways.
    for (const char* dates : {"--year 2025 --as-of 2025-12-31", "--year 2026 --as-of 2026-11-26"}) {
      for (const char* format : {"json", "csv"}) {
        CAPTURE(dates);
        CAPTURE(format);
        const std::string args = std::string("score -q ") + dates + " --format " + format;
        const auto a = run_svcorg(args +
                                  " examples/district.yaml examples/branches examples/needs examples/plans "
                                  "examples/platforms");
        const auto b = run_svcorg(args +
                                  " examples/platforms examples/plans examples/needs examples/branches "
                                  "examples/district.yaml");
        const auto c = run_svcorg(args + joined(files));
        const auto d = run_svcorg(args + joined(reversed));
        CHECK(a.exit_code == 0);
        CHECK_FALSE(a.out.empty());
        CHECK(a.out == b.out);
        CHECK(a.out == c.out);
        CHECK(a.out == d.out);
      }
    }
  }

  TEST_CASE("2026 of the example district holds the needs carried over from 2025 (rev 2)") {
    const auto r = run_svcorg("score examples --year 2026 --as-of 2026-11-26 --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::ordered_json::parse(r.out);
    auto keys = [](const nlohmann::ordered_json& o) {
      std::vector<std::string> out;
      for (auto it = o.begin(); it != o.end(); ++it) out.push_back(it.key());
      return out;
    };
    using Keys = std::vector<std::string>;
    // SPEC 8's key order: `carried_over` right after `received`.
    CHECK(keys(j["branches"][0]["needs"]) == Keys{"received", "carried_over", "declined", "resolved", "open", "overdue",
                                                  "resolution_rate", "on_time_resolution_rate", "response_on_time_rate",
                                                  "feedback_satisfied_rate"});
    CHECK(keys(j["streets"][0]["needs"]) ==
          Keys{"received", "carried_over", "resolution_rate", "on_time_resolution_rate"});
    CHECK(keys(j["district"]["needs"]) == keys(j["streets"][0]["needs"]));
    // 15 needs of 2025 were open on 2026-01-01: 4 of the district's own layer.
    size_t carried = 0;
    for (const auto& b : j["branches"]) carried += b["needs"]["carried_over"].get<size_t>();
    CHECK(carried == 15);
    CHECK(j["district"]["needs"].dump() ==
          R"({"received":26,"carried_over":4,"resolution_rate":0.7586,"on_time_resolution_rate":0.8})");
    // jinghua: 11 received in 2026 and 2 carried over, 12 of the 13 resolved.
    const auto e = run_svcorg("score examples --year 2026 --as-of 2026-11-26 --explain jinghua --lang en");
    CHECK(e.out.find("(11 received, 2 carried over (2 from 2025), 0 declined, 12 resolved, 1 open, 0 overdue; "
                     "resolution 0.9231, on time 0.7500, response on time 0.7273 (of the needs received in the "
                     "year), feedback satisfied 0.7273)") != std::string::npos);
  }

  TEST_CASE("golden outputs of the example district") {
    struct Golden {
      const char* file;
      std::string args;
    };
    // The example District is zh-CN: English is asked for with --lang en; the Chinese
    // goldens are the table, the CSV, --explain and the deltas as Markdown.
    const char* k2025 = "score examples --year 2025 --as-of 2025-12-31 ";
    const char* k2026 = "score examples --year 2026 --as-of 2026-11-26 ";
    const std::string base = " --baseline tests/golden/score/examples-2025.json";
    for (const Golden& g :
         {Golden{"examples-2025.json", std::string(k2025) + "--format json"},
          Golden{"examples-2025.csv", std::string(k2025) + "--format csv --lang en"},
          Golden{"examples-2026.json", std::string(k2026) + "--format json"},
          Golden{"examples-2026.zh-CN.txt", std::string(k2026) + "--lang zh-CN"},
          Golden{"examples-2026.zh-CN.txt", std::string(k2026)},  // the District's lang
          Golden{"examples-2025.zh-CN.csv", std::string(k2025) + "--format csv --lang zh-CN"},
          Golden{"explain-meiliyuan-2026.zh-CN.txt", std::string(k2026) + "--explain meiliyuan --lang zh-CN"},
          Golden{"deltas-2026.zh-CN.md", std::string(k2026) + "--format markdown --lang zh-CN" + base},
          Golden{"deltas-2026.zh-CN.txt", std::string(k2026) + "--lang zh-CN" + base}}) {
      CAPTURE(std::string(g.file));
      const auto r = run_svcorg(g.args);
      CHECK(r.exit_code == 0);
      const fs::path path = testing::kSource / "tests" / "golden" / "score" / g.file;
      if (testing::update_golden()) {
        write_file(path, r.out);
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(path), path.string() << " is missing: run the tests with SVCORG_UPDATE_GOLDEN=1");
      CHECK(r.out == testing::read_file(path));
    }
  }

  TEST_CASE("CSV: --excel adds a UTF-8 byte order mark, and JSON is the same in both languages") {
    const std::string args = "score examples --year 2025 --as-of 2025-12-31 ";
    const auto csv = run_svcorg(args + "--format csv --lang zh-CN");
    const auto excel = run_svcorg(args + "--excel --lang zh-CN");
    CHECK(excel.exit_code == 0);
    CHECK(excel.out == "\xEF\xBB\xBF" + csv.out);
    CHECK(excel.out.rfind("\xEF\xBB\xBF编号,名称,类型,街道编号,街道名称,计划编号,暂定,总分,等级,", 0) == 0);
    CHECK(run_svcorg(args + "--format csv --excel --lang en").out ==
          "\xEF\xBB\xBF" + testing::read_file(testing::kSource / "tests" / "golden" / "score" / "examples-2025.csv"));
    const auto wrong = run_svcorg(args + "--excel --format table");
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.rfind("svcorg: error: --excel: writes CSV; leave out --format or give --format csv\n", 0) == 0);
    CHECK(run_svcorg(args + "--format json --lang zh-CN").out == run_svcorg(args + "--format json --lang en").out);
  }
}
