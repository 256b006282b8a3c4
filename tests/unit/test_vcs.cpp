// Git access (lib/svcorg/vcs): running a program without a shell, and the git runner
// against real temporary repositories made here: the files changed since a commit, a
// commit's tree and blobs, revisions it does not know, and paths with spaces and Chinese.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "git_repo.hpp"
#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/vcs/git.hpp"
#include "svcorg/vcs/process.hpp"

namespace fs = std::filesystem;
using svcorg::i18n::Lang;
using svcorg::vcs::open_git;
using svcorg::vcs::run_process;
using Strings = std::vector<std::string>;

namespace {

// What `git ARGS` prints in `dir`, without the final line end.
std::string git_out(const fs::path& dir, const Strings& args) {
  Strings argv{"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = run_process(argv);
  REQUIRE(r.exit_code == 0);
  std::string out = r.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// The English and Chinese texts of the failure `result` holds.
template <class T>
std::pair<std::string, std::string> error_of(const svcorg::util::Result<T>& result) {
  REQUIRE_FALSE(result);
  return {svcorg::l10n::render(result.error()), svcorg::l10n::render(result.error(), Lang::ZhCN)};
}

// The value `result` holds.
template <class T>
T value_of(svcorg::util::Result<T> result) {
  REQUIRE(result);
  return std::move(*result);
}

std::unique_ptr<svcorg::vcs::Repository> opened(const std::string& dir) {
  return value_of(open_git(dir));
}

const std::string kSpaced = "记录 2026/需求 一.yaml";  // a folder and a file with spaces and Chinese

// A repository with one commit: a.yaml, b.yaml, .gitignore (ignoring *.tmp), a file in
// a folder with a space and Chinese in both names, and a symlink. Returns the commit.
std::string first_commit(testing::GitRepo& repo) {
  const fs::path root = repo.path();
  testing::write_file(root / "a.yaml", "a: 1\n");
  testing::write_file(root / "b.yaml", "b: 1\n");
  testing::write_file(root / ".gitignore", "*.tmp\n");
  testing::write_file(root / kSpaced, "id: 一\n");
  fs::create_symlink("a.yaml", root / "link.yaml");
  repo.commit("one");
  return git_out(root, {"rev-parse", "HEAD"});
}

}  // namespace

TEST_SUITE("vcs::run_process") {
  TEST_CASE("arguments reach the program as they are, input is fed, output and exit code collected") {
    const auto r = run_process(
        {"sh", "-c", "cat; printf '%s|' \"$1\" \"$2\"; echo oops >&2; exit 3", "sh", "a b; $(echo no)", "'*'"},
        "from stdin\n");
    CHECK(r.started);
    CHECK(r.exit_code == 3);
    CHECK(r.out == "from stdin\na b; $(echo no)|'*'|");
    CHECK(r.err == "oops\n");
    CHECK(r.error.empty());
  }

  TEST_CASE("a program killed by a signal has exit code -1") {
    const auto r = run_process({"sh", "-c", "kill -9 $$"});
    CHECK(r.started);
    CHECK(r.exit_code == -1);
  }

  TEST_CASE("a program that cannot be run is not started, and says why") {
    const auto missing = run_process({"svcorg-no-such-program-here"});
    CHECK_FALSE(missing.started);
    CHECK(missing.exit_code == -1);
    CHECK(svcorg::l10n::render(missing.error) == "No such file or directory");
    const auto none = run_process({});
    CHECK_FALSE(none.started);
    CHECK(svcorg::l10n::render(none.error) == "no program");
    CHECK(svcorg::l10n::render(none.error, Lang::ZhCN) == "没有给出要运行的程序");
  }
}

TEST_SUITE("vcs::git") {
  TEST_CASE("check_revision: empty, a leading dash and control characters are refused") {
    using svcorg::vcs::check_revision;
    CHECK(check_revision("HEAD~1"));
    CHECK(check_revision("v1.0"));
    CHECK(check_revision("分支"));
    CHECK(svcorg::l10n::render(check_revision("").error()) == "the revision is empty");
    CHECK(svcorg::l10n::render(check_revision("").error(), Lang::ZhCN) == "版本是空的");
    CHECK(svcorg::l10n::render(check_revision("--output=x").error()) ==
          "revision --output=x starts with '-'; name a commit, branch or tag");
    CHECK(svcorg::l10n::render(check_revision("-x").error(), Lang::ZhCN) ==
          "版本 -x 以 '-' 开头，请写提交、分支或标签的名字");
    CHECK(svcorg::l10n::render(check_revision("a\tb").error()) == "the revision holds a control character");
    CHECK(svcorg::l10n::render(check_revision("a\nb").error()) == "the revision holds a control character");
    CHECK(svcorg::l10n::render(check_revision(std::string("a\x7f")).error(), Lang::ZhCN) == "版本中含有控制字符");
  }

  TEST_CASE("open_git: the work tree's top from any folder in it, an error for a folder outside any") {
    testing::GitRepo repo;
    first_commit(repo);
    const std::string top = fs::canonical(repo.path()).string();
    CHECK(opened(repo.path().string())->root() == top);
    CHECK(opened((repo.path() / "记录 2026").string())->root() == top);

    testing::TempDir plain;
    const std::string dir = plain.path().string();
    const auto [en, zh] = error_of(open_git(dir));
    CHECK(en == dir + " is not in a git repository");
    CHECK(zh == dir + " 不在 git 仓库中");
  }

  TEST_CASE("resolve: a revision's full commit id, an error for an unknown or malformed revision") {
    testing::GitRepo repo;
    const std::string one = first_commit(repo);
    testing::write_file(repo.path() / "a.yaml", "a: 2\n");
    repo.commit("two");
    const std::string two = git_out(repo.path(), {"rev-parse", "HEAD"});
    CHECK(one.size() == 40);
    CHECK(one != two);
    const auto git = opened(repo.path().string());
    CHECK(value_of(git->resolve("HEAD")) == two);
    CHECK(value_of(git->resolve("HEAD~1")) == one);
    CHECK(value_of(git->resolve(one.substr(0, 12))) == one);

    const auto [en, zh] = error_of(git->resolve("no-such-branch"));
    CHECK(en == "unknown revision no-such-branch in the git repository " + git->root() +
                    " (in a shallow clone, fetch it first)");
    CHECK(zh == "git 仓库 " + git->root() + " 中没有版本 no-such-branch（如果是浅克隆，请先 fetch 这个版本）");
    CHECK(error_of(git->resolve("HEAD~5")).first.rfind("unknown revision HEAD~5 ", 0) == 0);
    CHECK(error_of(git->resolve("--all")).first == "revision --all starts with '-'; name a commit, branch or tag");
    CHECK(error_of(git->resolve("")).first == "the revision is empty");
  }

  TEST_CASE("changed_since: modified, deleted, added and untracked files, not ignored ones, paths verbatim") {
    testing::GitRepo repo;
    const std::string one = first_commit(repo);
    const auto git = opened(repo.path().string());
    CHECK(value_of(git->changed_since(one)) == Strings{});

    const fs::path root = repo.path();
    testing::write_file(root / "a.yaml", "a: 2\n");          // modified
    fs::remove(root / "b.yaml");                             // deleted
    testing::write_file(root / kSpaced, "id: 二\n");         // modified, spaces and Chinese
    testing::write_file(root / "新 文件.yaml", "new: 1\n");  // untracked
    testing::write_file(root / "scratch.tmp", "ignored\n");  // ignored
    CHECK(value_of(git->changed_since(one)) == Strings{"a.yaml", "b.yaml", kSpaced, "新 文件.yaml"});

    // Staged and committed changes count alike; a rename is a deletion plus an addition.
    REQUIRE(testing::shell(root, "git mv a.yaml renamed.yaml") == 0);
    repo.commit("two");
    CHECK(value_of(git->changed_since(one)) == Strings{"a.yaml", "b.yaml", "renamed.yaml", "新 文件.yaml", kSpaced});
    CHECK(value_of(git->changed_since("HEAD")) == Strings{});
  }

  TEST_CASE("files_at and read: a commit's tree with its blob ids, and the blobs' bytes") {
    testing::GitRepo repo;
    const std::string one = first_commit(repo);
    const auto git = opened(repo.path().string());
    testing::write_file(repo.path() / "a.yaml", "a: changed in the work tree\n");  // not in the commit

    const auto files = value_of(git->files_at(one));
    Strings paths;
    for (const auto& f : files) paths.push_back(f.path);
    CHECK(paths == Strings{".gitignore", "a.yaml", "b.yaml", "link.yaml", kSpaced});
    REQUIRE(files.size() == 5);
    for (const auto& f : files) {
      CAPTURE(f.path);
      CHECK(f.object == git_out(repo.path(), {"rev-parse", one + ":" + f.path}));
      CHECK(f.symlink == (f.path == "link.yaml"));
    }

    const auto blobs = value_of(git->read({files[1].object, one + ":" + kSpaced, files[3].object, one + ":missing.yaml",
                                           "0000000000000000000000000000000000000000", one, "a\nb", files[2].object}));
    REQUIRE(blobs.size() == 8);
    CHECK(blobs[0] == std::optional<std::string>("a: 1\n"));
    CHECK(blobs[1] == std::optional<std::string>("id: 一\n"));
    CHECK(blobs[2] == std::optional<std::string>("a.yaml"));  // a symlink's blob is its target
    CHECK(blobs[3] == std::nullopt);                          // no such path
    CHECK(blobs[4] == std::nullopt);                          // no such object
    CHECK(blobs[5] == std::nullopt);                          // a commit, not a blob
    CHECK(blobs[6] == std::nullopt);                          // a line end cannot be asked for
    CHECK(blobs[7] == std::optional<std::string>("b: 1\n"));
    CHECK(value_of(git->read({})).empty());

    const auto [en, zh] = error_of(git->files_at("0123456789012345678901234567890123456789"));
    CHECK(en.rfind("git failed: fatal: ", 0) == 0);
    CHECK(zh.rfind("git 执行失败：fatal: ", 0) == 0);
  }
}
