// svcorg::init (what `svcorg init` writes, all or nothing) and the pre-commit hook
// manifest at the project's root.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/cmd/init.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/util/file.hpp"

namespace fs = std::filesystem;
using testing::read_file;
using testing::write_file;

namespace {

std::vector<std::string> tree(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    out.push_back(fs::relative(e.path(), root).generic_string() + (e.is_directory() ? "/" : ""));
  std::sort(out.begin(), out.end());
  return out;
}

// A writer that fails on its n-th call, after writing the ones before.
svcorg::init::Writer failing_at(int n) {
  return [n, calls = 0](const std::string& path, std::string_view content) mutable -> svcorg::util::Result<void> {
    if (++calls == n)
      return svcorg::util::fail(svcorg::i18n::Message::verbatim("cannot write " + path + ": No space left on device"));
    return svcorg::util::write_file(path, content);
  };
}

}  // namespace

TEST_SUITE("init repository") {
  TEST_CASE("the files are the templates and the schemas, byte for byte") {
    const fs::path templates = testing::kSource / "lib" / "svcorg" / "init" / "templates";
    std::vector<std::string> expected;
    for (const auto& e : fs::recursive_directory_iterator(templates))  // dotfiles too
      if (e.is_regular_file()) expected.push_back(fs::relative(e.path(), templates).generic_string());
    for (const auto& e : fs::directory_iterator(testing::kSource / "schemas"))
      expected.push_back("schemas/" + e.path().filename().string());
    std::sort(expected.begin(), expected.end());

    const auto files = svcorg::init::repository_files();
    std::vector<std::string> paths;
    for (const auto& f : files) {
      paths.push_back(f.path);
      const fs::path source = f.path.rfind("schemas/", 0) == 0 ? testing::kSource / f.path : templates / f.path;
      CAPTURE(f.path);
      CHECK(f.content == read_file(source));
    }
    CHECK(paths == expected);
    CHECK(std::find(paths.begin(), paths.end(), ".github/workflows/svcorg.yml") != paths.end());
  }

  TEST_CASE("a write failing midway removes every file and folder the run made") {
    testing::TempDir tmp;
    const auto files = svcorg::init::repository_files();
    const std::string err =
        svcorg::l10n::render(svcorg::init::write_all(tmp.path() / "a" / "b", files, failing_at(9)).error());
    CHECK(err.find("No space left on device") != std::string::npos);
    CHECK(tree(tmp.path()).empty());

    // In an existing folder: what was there stays, down to its empty folders.
    write_file(tmp.path() / "notes.txt", "mine\n");
    fs::create_directories(tmp.path() / "plans" / "2026");
    CHECK_FALSE(svcorg::init::write_all(tmp.path(), files, failing_at(static_cast<int>(files.size()))).ok());
    CHECK(tree(tmp.path()) == std::vector<std::string>{"notes.txt", "plans/", "plans/2026/"});
  }

  TEST_CASE("svcorg init reports the failure and leaves nothing behind") {
    testing::TempDir tmp;
    std::ostringstream out, err;
    std::istringstream in;
    const svcorg::cmd::Io io{out, err, in, false, true, svcorg::util::Date{}};
    svcorg::cmd::InitOptions o;
    o.dir = (tmp.path() / "repo").string();
    CHECK(svcorg::cmd::run_init(o, io, failing_at(3)) == 2);
    CHECK(out.str().empty());
    CHECK(err.str().find("No space left on device; nothing was left behind\n") != std::string::npos);
    CHECK(tree(tmp.path()).empty());

    CHECK(svcorg::cmd::run_init(o, io, svcorg::util::write_file) == 0);
    CHECK(fs::exists(tmp.path() / "repo" / "district.yaml"));
  }

  TEST_CASE("conflicts name each path in the way once") {
    testing::TempDir tmp;
    const auto files = svcorg::init::repository_files();
    CHECK(svcorg::init::conflicts(tmp.path(), files).empty());
    CHECK(svcorg::init::conflicts(tmp.path() / "not" / "yet", files).empty());
    write_file(tmp.path() / "needs", "x");
    write_file(tmp.path() / "branches" / "hehua.yaml", "x");
    const std::string root = tmp.path().generic_string();
    CHECK(svcorg::init::conflicts(tmp.path(), files) ==
          std::vector<std::string>{root + "/branches/hehua.yaml", root + "/needs"});
    CHECK(svcorg::init::conflicts(tmp.path() / "needs", files) == std::vector<std::string>{root + "/needs"});
  }
}

TEST_SUITE("init pre-commit hooks") {
  // The fields pre-commit requires of a hook (id, name, entry, language) and the ones
  // svcorg needs (the whole tree, on YAML changes).
  TEST_CASE(".pre-commit-hooks.yaml defines svcorg-validate") {
    const YAML::Node hooks = YAML::LoadFile((testing::kSource / ".pre-commit-hooks.yaml").string());
    REQUIRE(hooks.IsSequence());
    REQUIRE(hooks.size() == 1);
    const YAML::Node h = hooks[0];
    for (const char* key : {"id", "name", "entry", "language"}) {
      CAPTURE(key);
      REQUIRE(h[key]);
      CHECK_FALSE(h[key].as<std::string>().empty());
    }
    CHECK(h["id"].as<std::string>() == "svcorg-validate");
    CHECK(h["entry"].as<std::string>() == "svcorg validate");
    CHECK(h["language"].as<std::string>() == "system");
    CHECK(h["files"].as<std::string>() == "\\.ya?ml$");
    CHECK(h["pass_filenames"].as<bool>() == false);
    CHECK(h["args"].as<std::vector<std::string>>() == std::vector<std::string>{"."});
  }

  TEST_CASE("init's .pre-commit-config.yaml is that hook") {
    const YAML::Node manifest = YAML::LoadFile((testing::kSource / ".pre-commit-hooks.yaml").string())[0];
    const fs::path config = testing::kSource / "lib/svcorg/init/templates/.pre-commit-config.yaml";
    const YAML::Node repos = YAML::LoadFile(config.string())["repos"];
    REQUIRE(repos.size() == 1);
    CHECK(repos[0]["repo"].as<std::string>() == "local");
    REQUIRE(repos[0]["hooks"].size() == 1);
    const YAML::Node hook = repos[0]["hooks"][0];
    for (const char* key : {"id", "name", "entry", "language", "files", "pass_filenames"}) {
      CAPTURE(key);
      CHECK(hook[key].as<std::string>() == manifest[key].as<std::string>());
    }
    CHECK(hook["args"].as<std::vector<std::string>>() == manifest["args"].as<std::vector<std::string>>());
  }
}
