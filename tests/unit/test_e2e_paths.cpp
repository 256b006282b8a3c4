// End-to-end: svcorg reads only the trees it is given and never writes to its inputs
// (issue 7; docs/RELIABILITY.md).
#include <filesystem>
#include <string>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_svcorg;
using testing::TempDir;
using testing::write_file;

namespace {

// A valid district written by `svcorg init` in `dir`.
void make_district(const fs::path& dir) {
  const auto r = run_svcorg("init '" + dir.string() + "'");
  REQUIRE(r.exit_code == 0);
}

const char* kOutsideNeed = R"(apiVersion: svcorg/v1
kind: Need
id: secret-need
)";

}  // namespace

TEST_SUITE("e2e: paths") {
  TEST_CASE("a file symlink in a tree that leads out of it is refused, not read") {
    TempDir tmp;
    make_district(tmp.path() / "d");
    write_file(tmp.path() / "outside" / "secret.yaml", kOutsideNeed);
    fs::create_symlink("../../outside/secret.yaml", tmp.path() / "d" / "needs" / "link.yaml");
    for (const char* cmd : {"validate d", "score d --year 2026 --as-of 2026-12-31", "needs d --year 2026"}) {
      CAPTURE(cmd);
      const auto r = run_svcorg(cmd, tmp.path());
      CHECK(r.exit_code == 2);
      // In the District's language (`svcorg init` writes `lang: zh-CN`).
      CHECK(r.err.find("d/needs/link.yaml：这是指向 ") != std::string::npos);
      CHECK(r.err.find("在 d 之外；svcorg 只读取给定的文件夹之内的文件") != std::string::npos);
      CHECK(r.out.find("secret-need") == std::string::npos);
      CHECK(r.err.find("secret-need") == std::string::npos);
    }
  }

  TEST_CASE("a file symlink that stays inside the tree is read, and a named file wherever it is") {
    TempDir tmp;
    make_district(tmp.path() / "d");
    // The Branch moved into a hidden folder (never walked), a link to it in its place.
    fs::create_directories(tmp.path() / "d" / ".shared");
    fs::rename(tmp.path() / "d" / "branches" / "hehua.yaml", tmp.path() / "d" / ".shared" / "hehua.yaml");
    fs::create_symlink("../.shared/hehua.yaml", tmp.path() / "d" / "branches" / "hehua.yaml");
    auto r = run_svcorg("validate --lang en d --as-of 2026-12-31", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);

    // The tree given through a symlink to it: its files are inside it.
    TempDir other;
    make_district(other.path() / "real");
    fs::create_directory_symlink(other.path() / "real", tmp.path() / "via-link");
    r = run_svcorg("validate --lang en via-link --as-of 2026-12-31", tmp.path());
    CHECK(r.exit_code == 0);

    // A file outside every tree, named on the command line: the user asked for it.
    write_file(tmp.path() / "outside" / "secret.yaml", kOutsideNeed);
    fs::create_symlink("../outside/secret.yaml", tmp.path() / "d" / "link.yaml");
    r = run_svcorg("validate --lang en d/link.yaml", tmp.path());
    CHECK(r.exit_code == 1);  // read (and incomplete as a Need)
    CHECK(r.out.find("d/link.yaml:") != std::string::npos);
  }

  TEST_CASE("-o naming one of the inputs is refused before any work, the input untouched") {
    TempDir tmp;
    make_district(tmp.path() / "d");
    const fs::path branch = tmp.path() / "d" / "branches" / "hehua.yaml";
    const std::string before = read_file(branch);
    const auto t0 = fs::last_write_time(branch);
    for (const std::string cmd :
         {"score d --year 2026 --as-of 2026-12-31 -o d/branches/hehua.yaml",
          "report d --year 2026 --as-of 2026-12-31 -o d/branches/hehua.yaml",
          "validate d -o sarif=d/branches/hehua.yaml",
          "validate d/branches/hehua.yaml -o junit=d/branches/../branches/hehua.yaml",
          "score d/branches/hehua.yaml d --year 2026 --as-of 2026-12-31 -o ./d/branches/hehua.yaml"}) {
      CAPTURE(cmd);
      const auto r = run_svcorg(cmd, tmp.path());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("it is one of the inputs (d/branches/hehua.yaml); svcorg never writes to its inputs") !=
            std::string::npos);
      CHECK(r.out.empty());
    }
    CHECK(read_file(branch) == before);
    CHECK(fs::last_write_time(branch) == t0);

    // A hard link to an input is the input too.
    fs::create_hard_link(branch, tmp.path() / "hard.yaml");
    auto r = run_svcorg("score --lang en d --year 2026 --as-of 2026-12-31 -o hard.yaml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(read_file(branch) == before);

    // Any other file, existing or new, is written.
    write_file(tmp.path() / "old.json", "{}");
    r = run_svcorg("score --lang en d --year 2026 --as-of 2026-12-31 --format json -o old.json", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(read_file(tmp.path() / "old.json").find("\"branches\"") != std::string::npos);
    r = run_svcorg("validate --lang en d -o sarif=d/out.sarif", tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(tmp.path() / "d" / "out.sarif"));
  }
}
