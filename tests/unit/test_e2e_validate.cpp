// End-to-end runs of the real svcorg binary: exit codes, JSON shape, stdin, trees,
// and order independence (SPEC 2.1, 8).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kDistrict = tree::district("zh-CN").text();
const std::string kBranch = tree::branch("meiliyuan").text();
const std::string kBadNeed = tree::need_of_nobody().text();

// A small tree: a district, a branch, a need with a reference error, noise to skip.
void make_tree(const fs::path& root) {
  write_file(root / "district.yaml", kDistrict);
  write_file(root / "branches" / "meiliyuan.yml", kBranch);
  write_file(root / "needs" / "2026" / "n1.yaml", kBadNeed);
  write_file(root / ".git" / "ignored.yaml", "not: [valid\n");
  write_file(root / ".hidden.yaml", "not: [valid\n");
  write_file(root / "notes.txt", "not yaml: [\n");
}

}  // namespace

TEST_SUITE("e2e validate") {
  TEST_CASE("--version and --help") {
    auto r = run_svcorg("--version");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("svcorg ", 0) == 0);
    CHECK(run_svcorg("validate --lang en --help").exit_code == 0);
  }

  TEST_CASE("usage errors exit 2") {
    CHECK(run_svcorg("validate --lang en --format xml examples").exit_code == 2);
    CHECK(run_svcorg("validate --lang en --as-of 2026-02-30 examples").exit_code == 2);
    CHECK(run_svcorg("frobnicate").exit_code == 2);
    auto r = run_svcorg("validate --lang en does/not/exist");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("does/not/exist: no such file or directory") != std::string::npos);
  }

  TEST_CASE("a directory tree: recursive, hidden entries and other files skipped") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    auto r = run_svcorg("validate --lang en --color never .", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("needs/2026/n1.yaml:4:9: error: `branch` names `nobody`") != std::string::npos);
    CHECK(r.out.find("[reference]") != std::string::npos);
    CHECK(r.out.find(".git") == std::string::npos);
    CHECK(r.out.find("hidden") == std::string::npos);
    CHECK(r.out.find("notes.txt") == std::string::npos);
    // The summary is the last line.
    CHECK(r.out.find("svcorg: 3 files, 3 records: 1 error, ") != std::string::npos);
  }

  TEST_CASE("JSON output has the SPEC 8 shape") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    auto r = run_svcorg("validate --lang en --format json", tmp.path());
    CHECK(r.exit_code == 1);
    const auto j = nlohmann::ordered_json::parse(r.out);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"format", "files", "records", "errors", "warnings", "diagnostics"});
    CHECK(j["format"] == 1);
    CHECK(j["files"] == 3);
    CHECK(j["records"] == 3);
    CHECK(j["errors"] == 1);
    CHECK(j["warnings"] == j["diagnostics"].size() - 1);  // required-platform: the branch has none
    const auto& d = j["diagnostics"].back();
    keys.clear();
    for (auto it = d.begin(); it != d.end(); ++it) keys.push_back(it.key());
    CHECK(keys ==
          std::vector<std::string>{"file", "line", "column", "severity", "rule", "kind", "id", "message", "related"});
    CHECK(d["file"] == "needs/2026/n1.yaml");
    CHECK(d["line"] == 4);
    CHECK(d["column"] == 9);
    CHECK(d["severity"] == "error");
    CHECK(d["rule"] == "reference");
    CHECK(d["kind"] == "Need");
    CHECK(d["id"] == "n1");
    CHECK(d["related"].is_null());
  }

  TEST_CASE("standard input") {
    const std::string doc = kDistrict + "---\n" + kBranch;
    auto r = run_svcorg("validate --lang en --color never -", testing::kSource, &doc);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("<stdin>:9:1: warning: ") != std::string::npos);
    CHECK(r.out.find("svcorg: 1 file, 2 records: 0 errors, 2 warnings\n") != std::string::npos);
  }

  TEST_CASE("--strict fails on warnings, -q prints errors only") {
    testing::TempDir tmp;
    write_file(tmp.path() / "b.yaml", kBranch);  // no District: warning no-district
    auto r = run_svcorg("validate --lang en --color never .", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[no-district]") != std::string::npos);
    CHECK(run_svcorg("validate --lang en --strict .", tmp.path()).exit_code == 1);
    auto q = run_svcorg("validate --lang en -q .", tmp.path());
    CHECK(q.exit_code == 0);
    CHECK(q.out.empty());
  }

  TEST_CASE("input order never changes a byte") {
    testing::TempDir a, b;
    make_tree(a.path());
    // The same files created in the opposite order, with the paths given shuffled.
    write_file(b.path() / "needs" / "2026" / "n1.yaml", kBadNeed);
    write_file(b.path() / "branches" / "meiliyuan.yml", kBranch);
    write_file(b.path() / "district.yaml", kDistrict);
    for (const char* format : {"text", "json"}) {
      CAPTURE(format);
      auto ra =
          run_svcorg(std::string("validate --lang en --format ") + format + " district.yaml branches needs", a.path());
      auto rb =
          run_svcorg(std::string("validate --lang en --format ") + format + " needs district.yaml branches", b.path());
      CHECK(ra.out == rb.out);
      CHECK(ra.exit_code == rb.exit_code);
    }
  }

  TEST_CASE("every file is checked even when others fail") {
    testing::TempDir tmp;
    write_file(tmp.path() / "a.yaml", "a: [unclosed\n");
    write_file(tmp.path() / "b.yaml", "apiVersion: svcorg/v1\nkind: Nope\n");
    write_file(tmp.path() / "c.yaml", kDistrict);
    auto r = run_svcorg("validate --lang en --color never .", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("a.yaml:1:4: error: this list (`[`) is never closed; add the closing `]` [yaml-syntax]") !=
          std::string::npos);
    CHECK(r.out.find("b.yaml:2:7: error: unknown `kind: Nope`") != std::string::npos);
    CHECK(r.out.find("svcorg: 3 files, 1 record: 2 errors") != std::string::npos);
  }

  TEST_CASE("future-date compares with the run's date, SVCORG_TODAY, not the as-of date (SPEC 4.2 rev 2)") {
    // A past year: the records of the following year are outside its view, not mistakes.
    auto r = run_svcorg("validate --lang en --color never --year 2025 examples");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[future-date]") == std::string::npos);
    CHECK(run_svcorg("validate --lang en --color never --as-of 2026-03-31 examples").out.find("[future-date]") ==
          std::string::npos);
    // A day in 2026: what the records say happened after it is a future date.
    r = run_svcorg("validate --lang en --color never --year 2025 examples", testing::kSource, nullptr,
                   "SVCORG_TODAY=2026-11-10");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("examples/needs/2026/huashan.yaml:212:11: warning: `received` is 2026-11-12, after today "
                     "(2026-11-10); it records something that has happened: check the date [future-date]\n") !=
          std::string::npos);
    // Not a date: a usage error that says what to write, in the language asked for.
    for (const char* bad : {"2026-13-01", "20261120", "today"}) {
      CAPTURE(bad);
      r = run_svcorg("validate --lang en examples", testing::kSource, nullptr, std::string("SVCORG_TODAY=") + bad);
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == std::string("svcorg: error: the environment variable SVCORG_TODAY is `") + bad +
                         "`, not a date; write it as YYYY-MM-DD (e.g. 2026-06-30), or unset it to use today's date\n");
    }
    r = run_svcorg("validate --lang zh-CN examples", testing::kSource, nullptr, "SVCORG_TODAY=2026/11/20");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg：错误：环境变量 SVCORG_TODAY 的值 `2026/11/20` 不是日期；请写成 YYYY-MM-DD（例如 2026-06-30），"
          "或者取消这个变量，使用今天的日期\n");
    // Empty: today's date.
    CHECK(run_svcorg("validate --lang en examples", testing::kSource, nullptr, "SVCORG_TODAY=").exit_code == 0);
  }
}
