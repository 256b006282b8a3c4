// End-to-end runs of `score --compare REV` and `score --baseline FILE.json` in a
// temporary git repository: the deltas in every format, new and removed branches,
// Markdown escaping, --since with deltas, and the usage errors.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "git_repo.hpp"
#include "support.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kHead = "apiVersion: svcorg/v1\n";

void branch(const fs::path& root, const std::string& id, const std::string& name) {
  write_file(root / "branches" / (id + ".yaml"), tree::scored_branch(id).set("name", name).text());
}

void plan(const fs::path& root, const std::string& id, const std::string& progress) {
  write_file(
      root / "plans" / (id + ".yaml"),
      tree::plan(id)
          .set("items", "\n  - {id: i1, title: 修缮, category: housing, approval: self, progress: " + progress + "}\n")
          .text());
}

// total = 100 × the single item's progress (β = 0, execution alone).
// Commit 1: top 70 (fair, rank 1), gamma 60 (fair, 2), alpha 50 (poor, 3).
// Commit 2: alpha's progress 0.8 → 80 (good); gamma's plan deleted; newbie 90 added.
// So: newbie 90 (1, new), alpha 80 (2, changed), top 70 (3, changed: rank), gamma removed.
// `lang`: the District's `lang:` ("" for none).
void make_history(testing::GitRepo& repo, const std::string& alpha_name = "支部alpha", const std::string& lang = "") {
  const fs::path root = repo.path();
  write_file(root / "district.yaml",
             tree::district(lang)
                 .set("scoring",
                      "\n  base_weight: {default: 0}\n"
                      "  autonomous: {plan_level: 0, execution: 1, effect: 0, systems: 0, satisfaction: 0}\n")
                 .text());
  branch(root, "alpha", alpha_name);
  branch(root, "top", "支部top");
  branch(root, "gamma", "支部gamma");
  plan(root, "alpha", "0.5");
  plan(root, "top", "0.7");
  plan(root, "gamma", "0.6");
  repo.commit("one");
  plan(root, "alpha", "0.8");
  fs::remove(root / "plans" / "gamma.yaml");
  branch(root, "newbie", "支部newbie");
  plan(root, "newbie", "0.9");
  repo.commit("two");
}

const std::string kScore = "score --year 2026 --as-of 2026-12-31 ";

// Each row as "id status total baseline_total delta grade baseline_grade rank baseline_rank rank_delta".
std::vector<std::string> rows(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& b : j["branches"]) {
    std::string line = b["id"].get<std::string>() + " " + b["status"].get<std::string>();
    for (const char* k : {"total", "baseline_total", "delta", "grade", "baseline_grade", "rank_in_district",
                          "baseline_rank", "rank_delta"})
      line += " " + (b[k].is_string() ? b[k].get<std::string>() : b[k].dump());
    out.push_back(line);
  }
  return out;
}

const std::vector<std::string> kExpected = {
    "newbie new 90.0 null null excellent null 1 null null",
    "alpha changed 80.0 50.0 30.0 good poor 2 3 1",
    "top changed 70.0 70.0 0.0 fair fair 3 1 -2",
    "gamma removed null 60.0 null null fair null 2 null",
};

}  // namespace

TEST_SUITE("e2e compare and baseline deltas") {
  TEST_CASE("--compare HEAD~1 as JSON") {
    testing::GitRepo repo;
    make_history(repo);
    const auto r = run_svcorg(kScore + "--format json --compare HEAD~1 .", repo.path());
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["format"] == 1);
    CHECK(j["year"] == 2026);
    CHECK(j["as_of"] == "2026-12-31");
    CHECK(j["baseline"] == nlohmann::json{{"source", "HEAD~1"}, {"year", 2026}, {"as_of", "2026-12-31"}});
    CHECK(rows(j) == kExpected);
    // Keys in the documented order.
    std::vector<std::string> keys;
    const auto ordered = nlohmann::ordered_json::parse(r.out);
    for (const auto& item : ordered["branches"][0].items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"id", "name", "total", "baseline_total", "delta", "grade", "baseline_grade",
                                           "rank_in_district", "baseline_rank", "rank_delta", "status"});
    // Against HEAD itself nothing changed.
    const auto same = nlohmann::json::parse(run_svcorg(kScore + "--format json --compare HEAD .", repo.path()).out);
    for (const auto& b : same["branches"]) CHECK(b["status"] == "unchanged");
  }

  TEST_CASE("--baseline with a saved score JSON gives the same deltas") {
    testing::GitRepo repo;
    make_history(repo);
    testing::TempDir saved;
    REQUIRE(testing::shell(repo.path(), "git checkout -q HEAD~1") == 0);
    const auto before =
        run_svcorg(kScore + "--format json -o '" + (saved.path() / "base.json").string() + "' .", repo.path());
    REQUIRE(before.exit_code == 0);
    REQUIRE(testing::shell(repo.path(), "git checkout -q -") == 0);
    const std::string base = (saved.path() / "base.json").string();
    const auto r = run_svcorg(kScore + "--format json --baseline '" + base + "' .", repo.path());
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(rows(j) == kExpected);
    CHECK(j["baseline"]["source"] == base);
    auto compared = nlohmann::json::parse(run_svcorg(kScore + "--format json --compare HEAD~1 .", repo.path()).out);
    CHECK(compared["branches"] == j["branches"]);

    // The table and --fail-under on the current totals.
    const auto t = run_svcorg(kScore + "--baseline '" + base + "' --fail-under 75 .", repo.path());
    CHECK(t.exit_code == 1);
    CHECK(t.err.find("svcorg: 1 branch scored under 75: top (70.00)") != std::string::npos);
    CHECK(t.out.find("compared with " + base + " (2026 as of 2026-12-31)") != std::string::npos);
    CHECK(t.out.find("▲ +30.00") != std::string::npos);
    CHECK(t.out.find("poor → good") != std::string::npos);
    CHECK(t.out.find("3 → 2 ▲1") != std::string::npos);
    CHECK(t.out.find("1 → 3 ▼2") != std::string::npos);
    CHECK(t.out.find("2 changed, 0 unchanged, 1 new, 1 removed") != std::string::npos);

    // A branch gone from the records is still known by the baseline, by its id or its name.
    fs::remove(repo.path() / "branches" / "gamma.yaml");
    const std::string one = kScore + "--format json --baseline '" + base + "' . --branch ";
    const auto by_id = run_svcorg(one + "gamma", repo.path());
    CHECK(by_id.exit_code == 0);
    CHECK(rows(nlohmann::json::parse(by_id.out)) ==
          std::vector<std::string>{"gamma removed null 60.0 null null fair null 2 null"});
    CHECK(run_svcorg(one + "支部gamma", repo.path()).out == by_id.out);
  }

  TEST_CASE("--compare as Markdown escapes user text") {
    testing::GitRepo repo;
    make_history(repo, "'a|b <i>x</i> *y* [z](http://e.org)'");
    const auto r = run_svcorg(kScore + "--format markdown --compare HEAD~1 .", repo.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("### Score changes: 2026 as of 2026-12-31\n", 0) == 0);
    CHECK(r.out.find("| Branch | Id | Baseline | Total | Δ | Grade | Rank | Status |") != std::string::npos);
    CHECK(r.out.find("a\\|b \\<i\\>x\\</i\\> \\*y\\* \\[z\\]\\(http\\://e.org\\)") != std::string::npos);
    CHECK(r.out.find("<i>") == std::string::npos);
    CHECK(r.out.find("| 50.00 | 80.00 | ▲ +30.00 | poor → good | 3 → 2 ▲1 | changed |") != std::string::npos);
    CHECK(r.out.find("HEAD\\~1") != std::string::npos);  // the source is user text too
  }

  TEST_CASE("--compare for a zh-CN District writes the Markdown in Chinese, with --lang en in English") {
    testing::GitRepo repo;
    make_history(repo, "支部alpha", "zh-CN");
    const auto r = run_svcorg(kScore + "--format markdown --compare HEAD~1 .", repo.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "### 得分变化：2026年度，截止日期2026年12月31日\n\n"
          "与 HEAD\\~1（2026年度，截止日期2026年12月31日）比较：有变化2个，未变0个，新增1个，移除1个。\n\n"
          "| 党组织 | 编号 | 基准 | 总分 | Δ | 等级 | 排名 | 状态 |\n"
          "| --- | --- | ---: | ---: | ---: | --- | --- | --- |\n"
          "| 支部newbie | newbie | — | 90.00 | — | 优秀 | 1 | 新增 |\n"
          "| 支部alpha | alpha | 50.00 | 80.00 | ▲ +30.00 | 较差 → 良好 | 3 → 2 ▲1 | 有变化 |\n"
          "| 支部top | top | 70.00 | 70.00 | 0.00 | 一般 | 1 → 3 ▼2 | 有变化 |\n"
          "| 支部gamma | gamma | 60.00 | — | — | 一般 → — | 2 → — | 移除 |\n");
    const auto table = run_svcorg(kScore + "--compare HEAD~1 .", repo.path());
    CHECK(table.out.rfind(
              "svcorg score：2026年度得分（截止日期2026年12月31日）与 HEAD~1（2026年度，截止日期2026年12月31日）比较\n",
              0) == 0);
    CHECK(table.out.find("\n有变化2个，未变0个，新增1个，移除1个\n") != std::string::npos);
    const auto en = run_svcorg(kScore + "--format markdown --compare HEAD~1 --lang en .", repo.path());
    CHECK(en.out.rfind("### Score changes: 2026 as of 2026-12-31\n", 0) == 0);
    // JSON is the same in both languages.
    CHECK(run_svcorg(kScore + "--format json --compare HEAD~1 .", repo.path()).out ==
          run_svcorg(kScore + "--format json --compare HEAD~1 --lang en .", repo.path()).out);
  }

  TEST_CASE("--since with --compare shows the changed branches and those whose rank moved") {
    testing::GitRepo repo;
    make_history(repo);
    const auto r = run_svcorg(kScore + "--format json --since HEAD~1 --compare HEAD~1 .", repo.path());
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    // top's records did not change, but its rank did (1 → 3): it is shown (SPEC 8, rev 2).
    CHECK(rows(j) == kExpected);
    CHECK(r.err.find("svcorg: since HEAD~1: 1 more branch shown, whose total, grade or rank moved: top\n") !=
          std::string::npos);
    // With --type of another type, nothing is shown.
    const auto other = nlohmann::json::parse(
        run_svcorg(kScore + "--format json --type building --since HEAD~1 --compare HEAD~1 .", repo.path()).out);
    CHECK(other["branches"].empty());
  }

  TEST_CASE("--compare and --baseline usage errors exit 2") {
    testing::GitRepo repo;
    make_history(repo);
    auto run = [&](const std::string& args) { return run_svcorg(kScore + args + " .", repo.path()); };
    auto r = run("--compare no-such-rev");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--compare no-such-rev: unknown revision") != std::string::npos);
    r = run("--compare=-p");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("starts with '-'") != std::string::npos);

    write_file(repo.path() / "not.json", "{ this is not json");
    r = run("--baseline not.json");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--baseline not.json is not the output of svcorg score --format json: it is not JSON") !=
          std::string::npos);
    write_file(repo.path() / "v2.json", R"({"format": 2, "year": 2026, "as_of": "2026-12-31", "branches": []})");
    r = run("--baseline v2.json");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("`format` is not 1") != std::string::npos);
    write_file(repo.path() / "needs.json", R"({"format": 1, "year": 2026, "as_of": "2026-12-31", "needs": []})");
    r = run("--baseline needs.json");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("`branches` is not a list") != std::string::npos);
    CHECK(run("--baseline missing.json").exit_code == 2);

    CHECK(run("--baseline v2.json --compare HEAD").exit_code == 2);
    CHECK(run("--format markdown").exit_code == 2);
    CHECK(run("--format csv --compare HEAD").exit_code == 2);
    CHECK(run("--explain top --compare HEAD").exit_code == 2);

    testing::TempDir plain;
    testing::write_file(plain.path() / "a.yaml",
                        kHead + "kind: District\nid: d\nname: 区\nstreets:\n  - {id: s, name: 街}\n");
    r = run_svcorg(kScore + "--compare HEAD .", plain.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is not in a git repository") != std::string::npos);
  }

  TEST_CASE("--compare with a revision whose inputs have errors exits 2") {
    testing::GitRepo repo;
    make_history(repo);
    write_file(repo.path() / "plans" / "top.yaml", kHead + "kind: Plan\nid: broken\n");
    repo.commit("broken");
    plan(repo.path(), "top", "0.7");
    const auto r = run_svcorg(kScore + "--compare HEAD .", repo.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the inputs at HEAD have") != std::string::npos);
  }
}
