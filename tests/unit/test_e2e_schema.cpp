// `svcorg schema [KIND]` (SPEC 8): the schemas embedded at build time are byte for byte
// those of schemas/; kinds in any case; the list of kinds; an unknown kind.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/cmd/schema.hpp"

using testing::run_svcorg;

TEST_SUITE("schema cmd") {
  TEST_CASE("each kind prints its file of schemas/ byte for byte, in any case") {
    for (const std::string kind : {"district", "branch", "need", "platform", "plan"}) {
      CAPTURE(kind);
      const std::string file = testing::read_file(testing::kSource / "schemas" / (kind + ".schema.json"));
      std::string capital = kind;
      capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
      std::string upper;
      for (char c : kind) upper += static_cast<char>(c - 'a' + 'A');
      for (const std::string& given : {kind, capital, upper}) {
        CAPTURE(given);
        const auto r = run_svcorg("schema " + given);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(r.out == file);
      }
      REQUIRE(svcorg::cmd::schema_text(capital));
      CHECK(*svcorg::cmd::schema_text(capital) == file);
    }
  }

  TEST_CASE("every schema in schemas/ is a kind svcorg schema knows") {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(testing::kSource / "schemas"))
      files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    std::vector<std::string> kinds;
    for (const auto& k : svcorg::cmd::schema_kinds()) kinds.push_back(k + ".schema.json");
    std::sort(kinds.begin(), kinds.end());
    CHECK(files == kinds);
  }

  TEST_CASE("without a kind, the kinds one a line") {
    const auto r = run_svcorg("schema");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "district\nbranch\nneed\nplatform\nplan\n");
  }

  TEST_CASE("an unknown kind is a usage error naming the closest") {
    auto r = run_svcorg("schema Plna");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "svcorg: error: `Plna` is not a kind; did you mean `plan`? (kinds: `district`, `branch`, `need`, "
          "`platform`, or `plan`)\n");
    r = run_svcorg("schema ledger");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg: error: `ledger` is not a kind (kinds: `district`, `branch`, `need`, `platform`, or `plan`)\n");
    CHECK(run_svcorg("schema --lang zh-CN ledger").err ==
          "svcorg：错误：`ledger` 不是记录种类（种类：`district`、`branch`、`need`、`platform` 或 `plan`）\n");
    CHECK(run_svcorg("schema plan need").exit_code == 2);  // one kind at a time
    CHECK_FALSE(svcorg::cmd::schema_text("plan.schema.json"));
  }
}
