// `svcorg init [DIR]` end to end (SPEC 8): the new repository validates without a finding
// and scores; its records point at schemas it holds; its CI files run the right commands;
// it never overwrites a file and writes nothing when one is in the way.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::vector<std::string> kTree = {
    ".github/workflows/svcorg.yml",  ".gitlab-ci.yml",
    ".pre-commit-config.yaml",       "README.md",
    "branches/hehua.yaml",           "district.yaml",
    "needs/2026/hehua.yaml",         "plans/2026/hehua.yaml",
    "platforms/dongfeng-shuji-xinxihui.yaml", "platforms/hehua-sanhui-yishihui.yaml",
    "platforms/hehua-zhiyuan-fuwudui.yaml",   "schemas/branch.schema.json",
    "schemas/district.schema.json",  "schemas/need.schema.json",
    "schemas/plan.schema.json",      "schemas/platform.schema.json"};

// Every regular file under root (hidden ones too), relative, sorted.
std::vector<std::string> tree(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

// The script lines of a GitLab job or the `run:` lines of a workflow's steps.
std::vector<std::string> gitlab_script(const YAML::Node& ci, const std::string& job) {
  std::vector<std::string> out;
  for (const auto& line : ci[job]["script"]) out.push_back(line.as<std::string>());
  return out;
}

std::vector<std::string> github_runs(const YAML::Node& wf) {
  std::vector<std::string> out;
  for (const auto& job : wf["jobs"])
    for (const auto& step : job.second["steps"])
      if (step["run"]) out.push_back(step["run"].as<std::string>());
  return out;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_SUITE("init") {
  TEST_CASE("a new repository validates without a finding and scores") {
    testing::TempDir tmp;
    const auto r = run_svcorg("init new/records", tmp.path());
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("svcorg: created a records repository in new/records (16 files):\n", 0) == 0);
    const fs::path repo = tmp.path() / "new" / "records";
    CHECK(tree(repo) == kTree);

    auto v = run_svcorg("validate --color never --strict --as-of 2026-12-31 .", repo);
    CHECK(v.exit_code == 0);
    CHECK(v.out == "svcorg: 7 files, 10 records: 0 errors, 0 warnings\n");
    // Today, whatever today is: no error (dates after today are only warnings).
    v = run_svcorg("validate --color never .", repo);
    CHECK(v.exit_code == 0);
    CHECK(v.out.find(": error: ") == std::string::npos);

    auto s = run_svcorg("score --strict --year 2026 --as-of 2026-12-31 --fail-under 60 --format json .", repo);
    CHECK(s.exit_code == 0);
    CHECK(s.err.empty());
    CHECK(s.out.find("\"id\": \"hehua\"") != std::string::npos);
    CHECK(s.out.find("\"unscored\": []") != std::string::npos);
    CHECK(run_svcorg("report --year 2026 --as-of 2026-12-31 .", repo).exit_code == 0);
    CHECK(run_svcorg("needs --year 2026 --as-of 2026-12-31 .", repo).exit_code == 0);
  }

  TEST_CASE("without DIR it writes into the current folder, keeping other files") {
    testing::TempDir tmp;
    write_file(tmp.path() / "notes.txt", "mine\n");
    write_file(tmp.path() / ".git" / "HEAD", "ref: refs/heads/main\n");
    const auto r = run_svcorg("init -q", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(tmp.path() / "notes.txt") == "mine\n");
    CHECK(fs::exists(tmp.path() / "district.yaml"));
    CHECK(tree(tmp.path()).size() == kTree.size() + 2);
  }

  TEST_CASE("every record points at a schema the repository holds") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q .", tmp.path()).exit_code == 0);
    int records = 0;
    for (const auto& rel : tree(tmp.path())) {
      const fs::path file = tmp.path() / rel;
      if (file.extension() != ".yaml" || rel[0] == '.') continue;
      CAPTURE(rel);
      const std::string text = read_file(file);
      const std::string head = "# yaml-language-server: $schema=";
      REQUIRE(text.rfind(head, 0) == 0);
      const std::string target = text.substr(head.size(), text.find('\n') - head.size());
      const fs::path schema = (file.parent_path() / target).lexically_normal();
      CHECK(schema.parent_path() == (tmp.path() / "schemas").lexically_normal());
      CHECK(read_file(schema) == read_file(testing::kSource / "schemas" / schema.filename()));
      const std::string kind = YAML::LoadFile(file.string())["kind"].as<std::string>();
      std::string lower = kind;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      CHECK(schema.filename() == lower + ".schema.json");
      ++records;
    }
    CHECK(records == 7);
  }

  TEST_CASE("the CI files validate every merge or pull request and gate plans") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q", tmp.path()).exit_code == 0);

    const YAML::Node gl = YAML::LoadFile((tmp.path() / ".gitlab-ci.yml").string());
    const auto validate = gitlab_script(gl, "svcorg-validate");
    CHECK(validate == std::vector<std::string>{
                          "svcorg validate . --format gitlab > gl-code-quality-report.json || true",
                          "svcorg validate ."});
    CHECK(gl["svcorg-validate"]["artifacts"]["reports"]["codequality"].as<std::string>() ==
          "gl-code-quality-report.json");
    CHECK(gl["svcorg-validate"]["artifacts"]["when"].as<std::string>() == "always");
    CHECK(gitlab_script(gl, "svcorg-score") == std::vector<std::string>{"svcorg score . --fail-under 60"});
    CHECK(gl["workflow"]["rules"][0]["if"].as<std::string>() == "$CI_PIPELINE_SOURCE == \"merge_request_event\"");

    const YAML::Node gh = YAML::LoadFile((tmp.path() / ".github" / "workflows" / "svcorg.yml").string());
    CHECK(gh["on"]["pull_request"]);
    const auto runs = github_runs(gh);
    CHECK(has(runs, "svcorg validate . --format github"));
    CHECK(has(runs, "svcorg score . --fail-under 60"));
    // Validation comes before the gate.
    CHECK(std::find(runs.begin(), runs.end(), "svcorg validate . --format github") <
          std::find(runs.begin(), runs.end(), "svcorg score . --fail-under 60"));

    // The secretaries' README explains both, and that 60 is for the district to set.
    const std::string readme = read_file(tmp.path() / "README.md");
    for (const char* text : {"## 自动检查（CI）", "`svcorg validate .`", "`svcorg score . --fail-under 60`",
                             "60 只是占位值", "## English", "placeholder"}) {
      CAPTURE(text);
      CHECK(readme.find(text) != std::string::npos);
    }
  }

  TEST_CASE("the CI files' svcorg commands run in the new repository") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q", tmp.path()).exit_code == 0);
    std::vector<std::string> commands = gitlab_script(YAML::LoadFile((tmp.path() / ".gitlab-ci.yml").string()),
                                                      "svcorg-validate");
    for (const auto& c : github_runs(YAML::LoadFile((tmp.path() / ".github/workflows/svcorg.yml").string())))
      commands.push_back(c);
    commands.push_back("svcorg score . --fail-under 60");
    for (std::string c : commands) {
      if (c.rfind("svcorg ", 0) != 0) continue;
      c = c.substr(c.find(' ') + 1);
      c = c.substr(0, c.find(" >"));  // the shell's redirection and `|| true`
      CAPTURE(c);
      const auto r = run_svcorg(c, tmp.path());
      CHECK(r.exit_code == 0);
      CHECK(r.err.find("error:") == std::string::npos);
    }
  }

  TEST_CASE("one existing target: nothing is written, the conflict is listed, exit 2") {
    for (const std::string existing : {"README.md", ".gitlab-ci.yml", "plans/2026/hehua.yaml"}) {
      CAPTURE(existing);
      testing::TempDir tmp;
      write_file(tmp.path() / existing, "mine\n");
      const auto r = run_svcorg("init", tmp.path());
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(r.err ==
            "svcorg: error: svcorg init overwrites nothing, and one of its files exists; nothing was written:\n  " +
                existing +
                "\nsvcorg: run it in a new or empty folder (svcorg init DIR), or move these away first\n");
      CHECK(tree(tmp.path()) == std::vector<std::string>{existing});
      CHECK(read_file(tmp.path() / existing) == "mine\n");
    }
  }

  TEST_CASE("conflicts are all listed: files, a file where a folder goes, DIR itself") {
    testing::TempDir tmp;
    write_file(tmp.path() / "district.yaml", "x\n");
    write_file(tmp.path() / "plans", "not a folder\n");
    fs::create_directories(tmp.path() / "schemas" / "plan.schema.json");  // a folder where a file goes
    auto r = run_svcorg("init", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("and 3 of its files exist; nothing was written:\n  district.yaml\n  plans\n"
                     "  schemas/plan.schema.json\n") != std::string::npos);
    CHECK(tree(tmp.path()) == std::vector<std::string>{"district.yaml", "plans"});

    r = run_svcorg("init plans", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("\n  plans\n") != std::string::npos);
  }
}
