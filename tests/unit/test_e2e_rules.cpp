// `svcorg rules [TYPE] [PATH...]`: the rules in effect in three formats and two languages
// (tests/golden/rules/; regenerate with SVCORG_UPDATE_GOLDEN=1), docs/RULES.md and
// docs/zh-CN/RULES.md kept fresh, TYPE as an id or a label, an unknown TYPE, a District's
// overrides shown, and inputs with errors.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kHead = "apiVersion: svcorg/v1\n";
const std::string kDistrict = tree::district().text();

// Compares `actual` with the golden file (or rewrites it), saying how to regenerate it.
void golden(const fs::path& file, const std::string& actual, const std::string& command) {
  if (testing::update_golden()) testing::write_file(file, actual);
  const std::string how = "stale: regenerate it with `" + command + " > " + file.string() +
                          "` or SVCORG_UPDATE_GOLDEN=1, then review the diff";
  CHECK_MESSAGE(actual == testing::read_file(file), how);
}

}  // namespace

TEST_SUITE("rules cmd") {
  TEST_CASE("docs/RULES.md and docs/zh-CN/RULES.md are what svcorg rules --builtin writes") {
    // No structured bindings: clang 14 cannot capture them in CAPTURE/CHECK.
    for (const auto& page : {std::pair<std::string, fs::path>{"en", "docs/RULES.md"},
                             std::pair<std::string, fs::path>{"zh-CN", "docs/zh-CN/RULES.md"}}) {
      const std::string& lang = page.first;
      const fs::path& doc = page.second;
      CAPTURE(lang);
      const std::string args = "rules --builtin --format markdown --lang " + lang;
      const auto r = run_svcorg(args);
      REQUIRE(r.exit_code == 0);
      CHECK(r.err.empty());
      CHECK(r.out.rfind("<!-- ", 0) == 0);
      CHECK(r.out.find("`svcorg " + args + "`") < r.out.find('\n'));
      golden(testing::kSource / doc, r.out, "svcorg " + args);
    }
  }

  TEST_CASE("golden: one type of the example district, three formats, two languages") {
    for (const char* lang : {"en", "zh-CN"})
      for (const auto& kind :
           {std::pair<std::string, std::string>{"text", "txt"}, {"markdown", "md"}, {"json", "json"}}) {
        const std::string& format = kind.first;
        const std::string& ext = kind.second;
        CAPTURE(lang);
        CAPTURE(format);
        const std::string args = "rules building examples --format " + format + " --lang " + lang;
        const auto r = run_svcorg(args);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        // JSON is the same in both languages: one file.
        const std::string name = format == "json" ? "building.json" : "building." + std::string(lang) + "." + ext;
        golden(testing::kSource / "tests" / "golden" / "rules" / name, r.out, "svcorg " + args);
      }
  }

  TEST_CASE("without --lang, the District's lang, and TYPE as its Chinese label is TYPE as its id") {
    const auto by_label = run_svcorg("rules 居民区 examples");
    const auto by_id = run_svcorg("rules residential examples --lang zh-CN");
    REQUIRE(by_label.exit_code == 0);
    CHECK(by_label.out == by_id.out);
    CHECK(by_label.out.rfind(
              "现行规则\n内置规则，加上区 `jingan`（静安区）的覆盖设置。\n\n党组织类型：居民区（residential）\n", 0) ==
          0);
  }

  TEST_CASE("an unknown TYPE is a usage error with the closest type") {
    auto r = run_svcorg("rules residentail examples --lang en");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "svcorg: error: `residentail` is not a branch type; did you mean `residential`? (types: Residential "
          "community (`residential`), Social-service unit (`social-service`), Office-building joint organization "
          "(`building`), Enterprise (`enterprise`), or Government organ (`organ`))\n");
    r = run_svcorg("rules 居名区 examples --lang zh-CN");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "svcorg：错误：`居名区` 不是党组织类型，是不是 "
          "`居民区`？（类型：居民区（`residential`）、社会服务类单位（`social-service`）、"
          "楼宇联合党组织（`building`）、企业（`enterprise`）或机关（`organ`））\n");
  }

  TEST_CASE("a District's overrides change a number and a category list, and rules shows them") {
    testing::TempDir dir;
    write_file(dir.path() / "district.yaml",
               kDistrict +
                   "rules:\n  defaults: {min_plan_items: 5}\n"
                   "  types:\n    organ: {need_categories: [public-service, work-style], resolve_days: {street: 20}}\n"
                   "scoring:\n  base_weight: {by_year: {2027: 0.3}}\n");
    const auto r = run_svcorg("rules organ '" + dir.path().string() + "' --lang en");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("Rules in effect\n"
                      "The built-in rules with the overrides of District `jingan` (静安区).\n"
                      "\n"
                      "Branch type: Government organ (organ)\n"
                      "  Required fields                                    none\n"
                      "  Required platform categories                       Information (information)\n"
                      "                                                     Liaison (liaison)\n"
                      "  Need categories                                    Public service (public-service)\n"
                      "                                                     Work style (work-style)\n"
                      "                                                     Serving members (member-service)\n"
                      "                                                     Other (other)\n",
                      0) == 0);
    CHECK(r.out.find("\n  Fewest autonomous plan items                       5\n") != std::string::npos);
    CHECK(r.out.find("\n  Days to resolve a need, layer Street (street)      20\n") != std::string::npos);
    CHECK(r.out.find("\n  Every year  0.4\n  In 2027     0.3\n") != std::string::npos);
    const auto json = run_svcorg("rules organ '" + dir.path().string() + "' --format json");
    CHECK(json.out.find("\"district\": \"jingan\"") != std::string::npos);
    CHECK(json.out.find("\"need_categories\": [\n        \"public-service\",\n        \"work-style\",\n        "
                        "\"member-service\",\n        \"other\"\n      ]") != std::string::npos);
    CHECK(json.out.find("\"min_plan_items\": 5,") != std::string::npos);
    // --builtin reads no input: the built-in numbers.
    const auto builtin = run_svcorg("rules organ --builtin --format json");
    CHECK(builtin.out.find("\"district\": null") != std::string::npos);
    CHECK(builtin.out.find("\"min_plan_items\": 3,") != std::string::npos);
  }

  TEST_CASE("the District's errors refuse, other records' errors are a note") {
    testing::TempDir dir;
    write_file(dir.path() / "district.yaml", kDistrict + "rules:\n  defaults: {min_plan_items: many}\n");
    auto r = run_svcorg("rules organ '" + dir.path().string() + "' --lang en");
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("[schema]\n") != std::string::npos);
    CHECK(r.err.find("svcorg: error: the District has errors, so the rules in effect are unknown: fix them (svcorg "
                     "validate) first, or run svcorg rules --builtin for the built-in rules\n") != std::string::npos);

    write_file(dir.path() / "district.yaml", kDistrict);
    write_file(dir.path() / "branch.yaml",
               kHead + "kind: Branch\nid: b1\nname: 支部\ntype: organ\nstreet: nowhere\nmembers: 5\n");
    r = run_svcorg("rules organ '" + dir.path().string() + "' --lang en");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("Rules in effect\nThe built-in rules: no District overrides them.\n", 0) == 0);
    CHECK(r.err == "note: other records have 2 errors; they do not change the rules (svcorg validate lists them)\n");
    r = run_svcorg("rules organ '" + dir.path().string() + "' --lang en -q");
    CHECK(r.err.empty());
  }

  TEST_CASE("a first word that looks like a path is a path: a missing one is an unreadable path") {
    for (const char* word : {"nosuch/", "nosuch.yaml"}) {
      CAPTURE(word);
      const auto r = run_svcorg(std::string("rules ") + word + " --lang en");
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == std::string("svcorg: error: ") + word + ": no such file or directory\n");
    }
  }

  TEST_CASE("--builtin with a path is a usage error") {
    const auto r = run_svcorg("rules --builtin examples");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "svcorg: error: --builtin reads no inputs: give no PATH with it\n");
  }
}
