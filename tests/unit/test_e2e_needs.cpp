// End-to-end runs of `svcorg needs` (SPEC 5, 8): formats, filters, exit codes, and the
// golden outputs for the example district (tests/golden/needs/; regenerate with
// SVCORG_UPDATE_GOLDEN=1 and review the diff).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "needs_tree.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;

namespace {

const char* kAsOf = " --as-of 2026-06-30";

std::vector<std::string> listed(const testing::Run& r) {
  REQUIRE(r.exit_code == 0);
  return needs_tree::listed(r.out);
}

using needs_tree::Ids;

}  // namespace

TEST_SUITE("e2e needs") {
  TEST_CASE("each format") {
    testing::TempDir tmp;
    needs_tree::write(tmp.path());
    const auto table = run_svcorg(std::string("needs .") + kAsOf, tmp.path());
    CHECK(table.exit_code == 0);
    CHECK(table.err.empty());
    CHECK(table.out.rfind("id  branch     received    carried over  channel", 0) == 0);
    CHECK(table.out.find("\nneeds of 2026 as of 2026-06-30: 5 received, 0 carried over, 1 declined, 2 resolved, 2 "
                         "open, 1 overdue\n") != std::string::npos);

    const auto json = run_svcorg(std::string("needs --format json .") + kAsOf, tmp.path());
    CHECK(listed(json) == Ids{"m1", "j2", "m2", "m3", "j1"});
    CHECK(nlohmann::json::parse(json.out)["summary"]["on_time_resolution_rate"] == 0.6667);

    const auto csv = run_svcorg(std::string("needs --format csv .") + kAsOf, tmp.path());
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.rfind("id,branch,branch_name,street,street_name,received,", 0) == 0);
    size_t rows = 0;
    for (size_t at = csv.out.find("\r\n"); at != std::string::npos; at = csv.out.find("\r\n", at + 2)) ++rows;
    CHECK(rows == 6);  // the header and five needs
  }

  TEST_CASE("filters") {
    testing::TempDir tmp;
    needs_tree::write(tmp.path());
    auto ids = [&](const std::string& args) {
      return listed(run_svcorg("needs --format json . " + args + kAsOf, tmp.path()));
    };
    CHECK(ids("--branch jiali") == Ids{"j2", "j1"});
    CHECK(ids("--street nanjingxi --channel visit") == Ids{"m1", "m3"});
    CHECK(ids("--status open") == Ids{"m2", "j1"});
    CHECK(ids("--status overdue") == Ids{"m2"});
    CHECK(ids("--category talent --layer branch") == Ids{"j1"});
    CHECK(ids("--year 2025 --status resolved") == Ids{"m0"});  // Y = 2025 seen as of 2026-06-30
  }

  TEST_CASE("a past year without --as-of is seen as of its Dec 31") {
    testing::TempDir tmp;
    needs_tree::write(tmp.path());
    const auto r = run_svcorg("needs --format json --year 2025 .", tmp.path());
    CHECK(listed(r) == Ids{"m0"});
    CHECK(nlohmann::json::parse(r.out)["as_of"] == "2025-12-31");
  }

  TEST_CASE("inputs with errors exit 1 without a listing") {
    testing::TempDir tmp;
    needs_tree::write(tmp.path());
    testing::write_file(tmp.path() / "needs" / "bad.yaml",
                        needs_tree::need("bad", "nobody", "2026-01-05",
                                         "channel: visit\ncategory: housing\nsummary: x\nlayer: branch\n"
                                         "disposal: solve\nstatus: received\n"
                                         "events:\n  - {date: 2026-01-05, status: received}\n"));
    const auto r = run_svcorg(std::string("needs --format json .") + kAsOf, tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("needs/bad.yaml:4:9: error: `branch` names `nobody`") != std::string::npos);
  }

  TEST_CASE("usage errors exit 2") {
    testing::TempDir tmp;
    needs_tree::write(tmp.path());
    const auto status = run_svcorg(std::string("needs --status opne .") + kAsOf, tmp.path());
    CHECK(status.exit_code == 2);
    CHECK(status.out.empty());
    CHECK(status.err.find("--status `opne` is not allowed; did you mean `open`?") != std::string::npos);
    CHECK(run_svcorg(std::string("needs --format xml .") + kAsOf, tmp.path()).exit_code == 2);
    CHECK(run_svcorg(std::string("needs --branch nobody .") + kAsOf, tmp.path()).exit_code == 2);
    CHECK(run_svcorg("needs --as-of 2026-13-01 .", tmp.path()).exit_code == 2);
    const auto missing = run_svcorg(std::string("needs does/not/exist") + kAsOf, tmp.path());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("does/not/exist: no such file or directory") != std::string::npos);
    CHECK(run_svcorg("needs --help").exit_code == 0);
  }

  TEST_CASE("input order never changes a byte") {
    testing::TempDir tmp;
    needs_tree::write(tmp.path());
    for (const char* format : {"table", "json", "csv"}) {
      CAPTURE(format);
      const std::string args = std::string(" --format ") + format + kAsOf;
      const auto a = run_svcorg("needs district.yaml branches.yaml needs" + args, tmp.path());
      const auto b =
          run_svcorg("needs needs/jiali.yaml needs/meiliyuan.yaml branches.yaml district.yaml" + args, tmp.path());
      CHECK(a.exit_code == 0);
      CHECK(a.out == b.out);
    }
  }

  TEST_CASE("the example district: 2026's overdue needs include the 2025 need still open (rev 2)") {
    const auto r = run_svcorg("needs examples --year 2026 --as-of 2026-11-26 --status overdue --format json");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["needs"].size() == 6);
    // mly-2025-005: received 2025-02-05, due 2025-05-06, in progress ever since.
    CHECK(j["needs"][0]["id"] == "mly-2025-005");
    CHECK(j["needs"][0]["carried_over"] == true);
    CHECK(j["needs"][0]["due"] == "2025-05-06");
    CHECK(j["summary"]["carried_over"] == 1);
    for (size_t i = 1; i < j["needs"].size(); ++i) CHECK(j["needs"][i]["carried_over"] == false);
    // The old view leaves it out.
    const auto old =
        run_svcorg("needs examples --year 2026 --as-of 2026-11-26 --status overdue --received-in-year --format json");
    CHECK(nlohmann::json::parse(old.out)["needs"].size() == 5);
  }

  TEST_CASE("golden: the example district, 2026 as of 2026-11-26") {
    // The example District is zh-CN: English is asked for with --lang en.
    const fs::path golden = testing::kSource / "tests" / "golden" / "needs";
    struct Golden {
      const char* file;
      const char* args;
    };
    for (const Golden& g :
         {Golden{"examples-2026.json", "--format json --lang en"},
          Golden{"examples-2026.csv", "--format csv --lang en"}, Golden{"examples-2026.zh-CN.txt", "--lang zh-CN"},
          Golden{"examples-2026.zh-CN.csv", "--format csv --lang zh-CN"},
          Golden{"examples-2026.zh-CN.csv", "--format csv"}}) {  // the District's lang
      CAPTURE(std::string(g.args));
      const auto r = run_svcorg(std::string("needs examples --year 2026 --as-of 2026-11-26 ") + g.args);
      CHECK(r.exit_code == 0);
      CHECK(r.err.empty());
      const fs::path file = golden / g.file;
      if (testing::update_golden()) testing::write_file(file, r.out);
      CHECK(r.out == testing::read_file(file));
    }
    // JSON is the same in both languages.
    const auto zh = run_svcorg("needs examples --year 2026 --as-of 2026-11-26 --format json --lang zh-CN");
    CHECK(zh.out == testing::read_file(golden / "examples-2026.json"));
  }

  TEST_CASE("--excel: the CSV with a UTF-8 byte order mark, and it implies --format csv") {
    const auto csv = run_svcorg("needs examples --year 2026 --as-of 2026-11-26 --format csv");
    const auto excel = run_svcorg("needs examples --year 2026 --as-of 2026-11-26 --excel");
    CHECK(excel.exit_code == 0);
    CHECK(excel.out == "\xEF\xBB\xBF" + csv.out);
    CHECK(excel.out.rfind("\xEF\xBB\xBF编号,党组织编号,党组织名称,街道编号,街道名称,", 0) == 0);
    const auto both = run_svcorg("needs examples --year 2026 --as-of 2026-11-26 --excel --format csv --lang en");
    CHECK(both.out.rfind("\xEF\xBB\xBFid,branch,branch_name,street,street_name,", 0) == 0);
    const auto wrong = run_svcorg("needs examples --excel --format json");
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.out.empty());
    CHECK(wrong.err ==
          "svcorg: error: --excel: writes CSV; leave out --format or give --format csv\n"
          "Run with --help for more information.\n");
  }
}
