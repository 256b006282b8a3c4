// End-to-end runs of `svcorg validate FILE` (SPEC 8, rev 2): a file given inside a records
// repository is checked against the whole repository, and only its findings are reported;
// how the repository is found (docs/FORMAT.md); a file in no repository is checked alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "git_repo.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kValidate = "validate --lang en --year 2026 --as-of 2026-12-31 --color never ";

// `svcorg init` in a fresh git repository.
void init_in(const testing::GitRepo& repo) {
  REQUIRE(run_svcorg("init -q .", repo.path()).exit_code == 0);
}

// The records files of a repository (what reading its folder finds), as "(N files)".
std::string files_in(const fs::path& root) {
  size_t n = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) ++n;
  }
  return "(" + std::to_string(n) + " files)";
}

std::string plan_with_branch(const fs::path& root, const std::string& branch) {
  std::string text = read_file(root / "plans" / "2026" / "hehua.yaml");
  const size_t at = text.find("branch: hehua\n");
  REQUIRE(at != std::string::npos);
  return text.replace(at, 14, "branch: " + branch + "\n");
}

}  // namespace

TEST_SUITE("e2e one file in its repository") {
  TEST_CASE("a correct plan alone gives no finding, a plan with a bad reference exactly that error") {
    testing::GitRepo repo;
    init_in(repo);
    auto r = run_svcorg(kValidate + "plans/2026/hehua.yaml", repo.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out == "svcorg: 1 file, 1 record: 0 errors, 0 warnings\n");
    CHECK(r.err == "svcorg: plans/2026/hehua.yaml checked in the context of the records repository . " +
                       files_in(repo.path()) + "; only its findings are reported\n");
    // -q: no line about the repository.
    r = run_svcorg(kValidate + "-q plans/2026/hehua.yaml", repo.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    // Errors in another file of the repository are not the plan's.
    write_file(repo.path() / "needs" / "2027.yaml", "apiVersion: svcorg/v1\nkind: Need\nid: [unclosed\n");
    r = run_svcorg(kValidate + "-q plans/2026/hehua.yaml", repo.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(run_svcorg(kValidate + "-q .", repo.path()).exit_code == 1);
    fs::remove(repo.path() / "needs" / "2027.yaml");

    write_file(repo.path() / "plans" / "2026" / "hehua.yaml", plan_with_branch(repo.path(), "hehau"));
    r = run_svcorg(kValidate + "plans/2026/hehua.yaml", repo.path());
    CHECK(r.exit_code == 1);
    CHECK(
        r.out ==
        "plans/2026/hehua.yaml:12:9: error: `branch` names `hehau`, but there is no Branch with that id; did you mean "
        "`hehua`? [reference]\n"
        "svcorg: 1 file, 1 record: 1 error, 0 warnings\n");
    // Given from a folder below, and by an absolute path: the same finding, under the path given.
    r = run_svcorg(kValidate + "hehua.yaml", repo.path() / "plans" / "2026");
    CHECK(r.out.rfind("hehua.yaml:12:9: error: `branch` names `hehau`", 0) == 0);
    CHECK(r.err.find("checked in the context of the records repository ../.. " + files_in(repo.path())) !=
          std::string::npos);
    const fs::path abs = fs::canonical(repo.path()) / "plans" / "2026" / "hehua.yaml";
    r = run_svcorg(kValidate + "'" + abs.string() + "'", testing::kSource);
    CHECK(r.out.rfind(abs.string() + ":12:9: error: `branch` names `hehau`", 0) == 0);
    CHECK(r.err.find("the records repository " + fs::canonical(repo.path()).string() + " " + files_in(repo.path())) !=
          std::string::npos);
  }

  TEST_CASE("several files, in one repository or two, and files in none") {
    testing::GitRepo one, two;
    init_in(one);
    init_in(two);
    write_file(two.path() / "plans" / "2026" / "hehua.yaml", plan_with_branch(two.path(), "nobody"));
    testing::TempDir plain;
    write_file(plain.path() / "loose.yaml", read_file(one.path() / "branches" / "hehua.yaml"));
    const std::string a = (one.path() / "plans/2026/hehua.yaml").string();
    const std::string b = (one.path() / "branches/hehua.yaml").string();
    const std::string c = (two.path() / "plans/2026/hehua.yaml").string();
    const std::string d = (plain.path() / "loose.yaml").string();
    const auto r = run_svcorg(kValidate + "'" + a + "' '" + b + "' '" + c + "' '" + d + "'", plain.path());
    CHECK(r.exit_code == 1);
    // Two lines on stderr, one per repository; the loose file is checked alone (no District).
    CHECK(r.err.find("svcorg: 2 files checked in the context of the records repository ") != std::string::npos);
    CHECK(r.err.find("svcorg: " + c + " checked in the context of the records repository ") != std::string::npos);
    CHECK(r.out.find(c + ":12:9: error: `branch` names `nobody`") != std::string::npos);
    CHECK(r.out.find(d + ":1:1: warning: no District among the inputs") != std::string::npos);
    CHECK(r.out.find(a + ":") == std::string::npos);
    CHECK(r.out.find(b + ":") == std::string::npos);
    CHECK(r.out.find("svcorg: 4 files, 4 records: 1 error, ") != std::string::npos);
  }

  TEST_CASE("a file in no repository is checked alone, as before") {
    testing::TempDir plain;
    testing::GitRepo source;  // only to copy a plan from
    init_in(source);
    write_file(plain.path() / "plans" / "x.yaml", read_file(source.path() / "plans" / "2026" / "hehua.yaml"));
    // A District beside it, but no git work tree above: still alone.
    fs::copy_file(source.path() / "district.yaml", plain.path() / "district.yaml");
    const auto r = run_svcorg(kValidate + "plans/x.yaml", plain.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK(r.out.find("plans/x.yaml:1:1: warning: no District among the inputs") != std::string::npos);
    CHECK(r.out.find("plans/x.yaml:12:9: error: `branch` names `hehua`, but there is no Branch") != std::string::npos);
  }

  TEST_CASE("in a source tree the nearest folder with a District is the repository, not the git root") {
    // svcorg's own layout: examples/ (a District at its top) and tests/fixtures/ with
    // deliberately broken records, in one git repository whose root has no District.
    testing::GitRepo repo;
    const fs::path examples = repo.path() / "examples";
    fs::create_directories(examples);
    REQUIRE(run_svcorg("init -q .", examples).exit_code == 0);
    write_file(repo.path() / "tests" / "fixtures" / "broken.yaml",
               "apiVersion: svcorg/v1\nkind: Branch\nid: hehua\nname: [unclosed\n");
    write_file(repo.path() / "tests" / "fixtures" / "district.yaml",
               read_file(examples / "district.yaml"));  // a District, but not at the root's top
    auto r = run_svcorg(kValidate + "examples/plans/2026/hehua.yaml", repo.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out == "svcorg: 1 file, 1 record: 0 errors, 0 warnings\n");
    CHECK(r.err.find("the records repository examples " + files_in(examples)) != std::string::npos);
    // A directory among the paths: every path is read as given.
    r = run_svcorg(kValidate + "examples/plans examples/branches/hehua.yaml", repo.path());
    CHECK(r.err.empty());
    CHECK(r.out.find("no District among the inputs") != std::string::npos);
    // A hidden file given by name is read besides the repository, and checked in it.
    write_file(examples / ".drafts" / "plan.yaml", plan_with_branch(examples, "hehau"));
    const std::string read = files_in(examples);  // without the hidden one
    r = run_svcorg(kValidate + "examples/.drafts/plan.yaml", repo.path());
    CHECK(read != "(0 files)");
    CHECK(r.err.find("the records repository examples (" + std::to_string(std::stoi(read.substr(1)) + 1) + " files)") !=
          std::string::npos);
    CHECK(r.out ==
          "examples/.drafts/plan.yaml:12:9: error: `branch` names `hehau`, but there is no Branch with that id; did "
          "you mean `hehua`? [reference]\n"
          "svcorg: 1 file, 1 record: 1 error, 0 warnings\n");
  }
}
