// `svcorg init [DIR]` end to end (SPEC 8): the new repository validates without a finding
// and scores; its records point at schemas it holds; its CI files run the right commands;
// it never overwrites a file and writes nothing when one is in the way.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::vector<std::string> kTree = {".github/workflows/svcorg.yml",
                                        ".gitlab-ci.yml",
                                        ".pre-commit-config.yaml",
                                        "README.md",
                                        "branches/hehua.yaml",
                                        "district.yaml",
                                        "needs/2026/hehua.yaml",
                                        "plans/2026/hehua.yaml",
                                        "platforms/dongfeng-shuji-xinxihui.yaml",
                                        "platforms/hehua-sanhui-yishihui.yaml",
                                        "platforms/hehua-zhiyuan-fuwudui.yaml",
                                        "schemas/branch.schema.json",
                                        "schemas/district.schema.json",
                                        "schemas/need.schema.json",
                                        "schemas/plan.schema.json",
                                        "schemas/platform.schema.json"};

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

std::vector<std::string> github_runs(const YAML::Node& wf, const std::string& job) {
  std::vector<std::string> out;
  for (const auto& step : wf["jobs"][job]["steps"])
    if (step["run"]) out.push_back(step["run"].as<std::string>());
  return out;
}

// The year-end job's shell block, the same in both CI files.
const std::string kYearEnd =
    "YEAR=\"${SVCORG_YEAR:-$(date +%Y)}\"\n"
    "if [ -z \"${SVCORG_YEAR:-}\" ] && [ \"$(date +%m)\" = 01 ]; then YEAR=$((YEAR - 1)); fi\n"
    "echo \"svcorg: the scores of $YEAR\"\n"
    "svcorg score . --year \"$YEAR\" --fail-under 60\n";

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

    auto v = run_svcorg("validate --lang en --color never --strict --as-of 2026-12-31 .", repo);
    CHECK(v.exit_code == 0);
    CHECK(v.out == "svcorg: 7 files, 10 records: 0 errors, 0 warnings\n");
    // Today, whatever today is: no error (dates after today are only warnings).
    v = run_svcorg("validate --lang en --color never .", repo);
    CHECK(v.exit_code == 0);
    CHECK(v.out.find(": error: ") == std::string::npos);

    auto s =
        run_svcorg("score --lang en --strict --year 2026 --as-of 2026-12-31 --fail-under 60 --format json .", repo);
    CHECK(s.exit_code == 0);
    CHECK(s.err.empty());
    CHECK(s.out.find("\"id\": \"hehua\"") != std::string::npos);
    CHECK(s.out.find("\"unscored\": []") != std::string::npos);
    CHECK(run_svcorg("report --year 2026 --as-of 2026-12-31 .", repo).exit_code == 0);
    CHECK(run_svcorg("needs --lang en --year 2026 --as-of 2026-12-31 .", repo).exit_code == 0);
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

  TEST_CASE("the CI files gate merge and pull requests on validate, and the year's scores at year end") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q", tmp.path()).exit_code == 0);

    const YAML::Node gl = YAML::LoadFile((tmp.path() / ".gitlab-ci.yml").string());
    CHECK(gitlab_script(gl, "svcorg-validate") ==
          std::vector<std::string>{"svcorg validate . --format gitlab > gl-code-quality-report.json || true",
                                   "svcorg validate ."});
    CHECK(gl["svcorg-validate"]["artifacts"]["reports"]["codequality"].as<std::string>() ==
          "gl-code-quality-report.json");
    CHECK(gl["svcorg-validate"]["artifacts"]["when"].as<std::string>() == "always");
    CHECK(gl["svcorg-validate"]["rules"][0]["if"].as<std::string>() == "$CI_PIPELINE_SOURCE != \"schedule\"");
    CHECK(gitlab_script(gl, "svcorg-year-end") == std::vector<std::string>{kYearEnd});
    const YAML::Node year_end = gl["svcorg-year-end"]["rules"];
    REQUIRE(year_end.size() == 2);
    CHECK(year_end[0]["if"].as<std::string>() == "$CI_PIPELINE_SOURCE == \"schedule\"");
    CHECK(year_end[1]["if"].as<std::string>() == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    CHECK(year_end[1]["when"].as<std::string>() == "manual");
    CHECK(year_end[1]["allow_failure"].as<bool>());
    std::vector<std::string> pipelines;
    for (const auto& rule : gl["workflow"]["rules"]) pipelines.push_back(rule["if"].as<std::string>());
    CHECK(pipelines == std::vector<std::string>{"$CI_PIPELINE_SOURCE == \"merge_request_event\"",
                                                "$CI_PIPELINE_SOURCE == \"schedule\"",
                                                "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"});

    const YAML::Node gh = YAML::LoadFile((tmp.path() / ".github" / "workflows" / "svcorg.yml").string());
    CHECK(gh["on"]["pull_request"]);
    // Both run on Debian 12, the system svcorg is built and tested on (make test-ci-templates).
    CHECK(gl["default"]["image"].as<std::string>() == "debian:12");
    for (const auto& job : {"validate", "year-end"})
      CHECK(gh["jobs"][job]["container"].as<std::string>() == "debian:12");
    CHECK(gh["on"]["schedule"][0]["cron"].as<std::string>() == "0 0 15 1 *");
    CHECK(gh["on"]["workflow_dispatch"]["inputs"]["year"]);
    CHECK(gh["jobs"]["validate"]["if"].as<std::string>() ==
          "github.event_name == 'pull_request' || github.event_name == 'push'");
    CHECK(github_runs(gh, "validate").back() == "svcorg validate . --format github");
    CHECK(gh["jobs"]["year-end"]["if"].as<std::string>() ==
          "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'");
    CHECK(github_runs(gh, "year-end").back() == kYearEnd);
    CHECK(gh["jobs"]["year-end"]["steps"][2]["env"]["SVCORG_YEAR"].as<std::string>() == "${{ inputs.year }}");
    // Only the year-end job scores.
    for (const auto& run : github_runs(gh, "validate")) CHECK(run.find("svcorg score") == std::string::npos);

    // The secretaries' README explains both jobs, and that 60 is for the district to set.
    const std::string readme = read_file(tmp.path() / "README.md");
    for (const char* text : {"## 自动检查（CI）", "`svcorg validate .`", "`svcorg score . --fail-under 60`",
                             "60 只是占位值", "SVCORG_YEAR", "## English", "year-end job", "placeholder"}) {
      CAPTURE(text);
      CHECK(readme.find(text) != std::string::npos);
    }
  }

  TEST_CASE("the year-end job scores the year just ended in January, else this year, or SVCORG_YEAR") {
    // Its shell block with `date` and `svcorg` stood in for: what svcorg would be asked.
    testing::TempDir tmp;
    write_file(tmp.path() / "bin" / "date",
               "#!/bin/sh\ncase \"$1\" in +%Y) echo \"$FAKE_YEAR\";; +%m) echo \"$FAKE_MONTH\";; esac\n");
    write_file(tmp.path() / "bin" / "svcorg", "#!/bin/sh\necho \"svcorg $*\"\n");
    fs::permissions(tmp.path() / "bin" / "date", fs::perms::owner_all);
    fs::permissions(tmp.path() / "bin" / "svcorg", fs::perms::owner_all);
    write_file(tmp.path() / "year-end.sh", kYearEnd);
    const auto run = [&](const std::string& env) {
      const std::string out = (tmp.path() / "out").string();
      const std::string cmd = "cd '" + tmp.path().string() + "' && env PATH=\"$PWD/bin:$PATH\" " + env +
                              " bash -eo pipefail year-end.sh >'" + out + "'";
      REQUIRE(std::system(cmd.c_str()) == 0);
      return read_file(out);
    };
    CHECK(run("FAKE_YEAR=2027 FAKE_MONTH=01") ==
          "svcorg: the scores of 2026\nsvcorg score . --year 2026 --fail-under 60\n");
    CHECK(run("FAKE_YEAR=2026 FAKE_MONTH=12") ==
          "svcorg: the scores of 2026\nsvcorg score . --year 2026 --fail-under 60\n");
    CHECK(run("FAKE_YEAR=2027 FAKE_MONTH=02") ==
          "svcorg: the scores of 2027\nsvcorg score . --year 2027 --fail-under 60\n");
    CHECK(run("FAKE_YEAR=2027 FAKE_MONTH=01 SVCORG_YEAR=2025") ==
          "svcorg: the scores of 2025\nsvcorg score . --year 2025 --fail-under 60\n");
    CHECK(run("FAKE_YEAR=2027 FAKE_MONTH=01 SVCORG_YEAR=") ==
          "svcorg: the scores of 2026\nsvcorg score . --year 2026 --fail-under 60\n");
  }

  TEST_CASE("the CI files' svcorg steps run in the new repository") {
    testing::TempDir tmp;
    REQUIRE(run_svcorg("init -q", tmp.path()).exit_code == 0);
    const YAML::Node gl = YAML::LoadFile((tmp.path() / ".gitlab-ci.yml").string());
    const YAML::Node gh = YAML::LoadFile((tmp.path() / ".github/workflows/svcorg.yml").string());
    std::vector<std::string> steps = gitlab_script(gl, "svcorg-validate");
    for (const auto& job : {"validate", "year-end"})
      for (const auto& run : github_runs(gh, job))
        if (run.find("apt-get") == std::string::npos) steps.push_back(run);  // not the installation
    REQUIRE(steps.size() == 4);
    // Each step as the CI shell runs it, svcorg on the PATH; the year-end scores of 2026.
    const std::string bin = fs::path(SVCORG_BINARY).parent_path().string();
    for (const auto& step : steps) {
      CAPTURE(step);
      write_file(tmp.path() / "step.sh", step);
      const std::string cmd = "cd '" + tmp.path().string() + "' && env PATH=\"" + bin +
                              ":$PATH\" SVCORG_YEAR=2026 bash -eo pipefail step.sh >out.txt 2>&1";
      CHECK(std::system(cmd.c_str()) == 0);
      const std::string out = read_file(tmp.path() / "out.txt");
      CHECK(out.find(": error: ") == std::string::npos);  // text
      CHECK(out.find("::error ") == std::string::npos);   // GitHub annotations
      if (step.find("svcorg score") != std::string::npos) {
        CHECK(out.rfind("svcorg: the scores of 2026\n", 0) == 0);
        CHECK(out.find("hehua") != std::string::npos);
      }
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
                existing + "\nsvcorg: run it in a new or empty folder (svcorg init DIR), or move these away first\n");
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
