// Finding the input files (lib/svcorg/load/discover): what a walk takes and skips, the
// display paths it gives for any spelling of a root, and symlinks.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/discover.hpp"

namespace fs = std::filesystem;
using svcorg::load::discover;
using svcorg::load::display_path;
using testing::TempDir;
using testing::write_file;

namespace {

std::vector<std::string> displays(const svcorg::load::DiscoverResult& r) {
  std::vector<std::string> out;
  for (const auto& s : r.sources) out.push_back(s.display);
  return out;
}

// d/a.yaml, d/b.yml, d/sub/c.yaml, d/notes.txt, d/.hidden.yaml, d/.git/x.yaml,
// d/dir.yaml/e.yaml (a folder with a YAML name), d/fifo.yaml (a FIFO).
fs::path make_tree(const fs::path& base) {
  const fs::path d = base / "d";
  for (const char* f :
       {"a.yaml", "b.yml", "sub/c.yaml", "notes.txt", ".hidden.yaml", ".git/x.yaml", "dir.yaml/e.yaml"}) {
    fs::create_directories((d / f).parent_path());
    write_file(d / f, "kind: Branch\n");
  }
  REQUIRE(::mkfifo((d / "fifo.yaml").c_str(), 0644) == 0);
  return d;
}

}  // namespace

TEST_SUITE("load::discover") {
  TEST_CASE("a walk takes YAML files at any depth and skips hidden entries, other files and FIFOs") {
    TempDir tmp;
    const fs::path d = make_tree(tmp.path());
    const auto r = discover({d.string()});
    CHECK(r.errors.empty());
    const std::string p = d.string();
    CHECK(displays(r) ==
          std::vector<std::string>{p + "/a.yaml", p + "/b.yml", p + "/dir.yaml/e.yaml", p + "/sub/c.yaml"});
    for (const auto& s : r.sources) CHECK(s.path == s.display);
  }

  TEST_CASE("display paths are the same however the root is spelled, and a root given twice counts once") {
    TempDir tmp;
    const fs::path d = make_tree(tmp.path());
    const std::string p = d.string();
    const auto plain = displays(discover({p}));
    for (const std::string& spelled : {p + "/", p + "//", p + "/./", p + "/sub/..", p + "//sub/../"}) {
      CAPTURE(spelled);
      const auto r = discover({spelled});
      CHECK(r.errors.empty());
      CHECK(displays(r) == plain);
      for (const auto& s : r.sources) CHECK(fs::exists(s.path));
    }
    CHECK(displays(discover({p, p + "/"})) == plain);
  }

  TEST_CASE("symlinks: a directory link is not followed, a file link inside is read, one outside is refused") {
    TempDir tmp;
    const fs::path d = make_tree(tmp.path());
    write_file(tmp.path() / "outside.yaml", "kind: Branch\n");
    fs::create_directory_symlink(d / "sub", d / "loop");
    fs::create_directory_symlink(tmp.path(), d / "up.yaml");
    fs::create_symlink(d / "sub" / "c.yaml", d / "inside.yaml");
    fs::create_symlink(tmp.path() / "outside.yaml", d / "out.yaml");
    fs::create_symlink(d / "missing.yaml", d / "dangling.yaml");
    const auto r = discover({d.string()});
    const std::string p = d.string();
    CHECK(displays(r) == std::vector<std::string>{p + "/a.yaml", p + "/b.yml", p + "/dir.yaml/e.yaml",
                                                  p + "/inside.yaml", p + "/sub/c.yaml"});
    REQUIRE(r.errors.size() == 1);
    CHECK(svcorg::l10n::render(r.errors[0])
              .find(p + "/out.yaml: a symlink to " + (tmp.path() / "outside.yaml").string() + ", outside " + p) == 0);
  }

  TEST_CASE("a missing path and an unlistable folder are errors, and `-` is standard input") {
    TempDir tmp;
    const fs::path d = make_tree(tmp.path());
    const auto r = discover({(tmp.path() / "nope").string(), "-"});
    REQUIRE(r.errors.size() == 1);
    CHECK(svcorg::l10n::render(r.errors[0]) == (tmp.path() / "nope").string() + ": no such file or directory");
    CHECK(svcorg::l10n::render(r.errors[0], svcorg::i18n::Lang::ZhCN) ==
          (tmp.path() / "nope").string() + "：没有这个文件或文件夹");
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].is_stdin);
    if (::geteuid() != 0) {  // root lists any folder
      fs::permissions(d / "sub", fs::perms::none);
      const auto locked = discover({d.string()});
      fs::permissions(d / "sub", fs::perms::owner_all);
      REQUIRE(locked.errors.size() == 1);
      CHECK(svcorg::l10n::render(locked.errors[0]).find("cannot list directory " + d.string() + "/sub: ") == 0);
      CHECK(svcorg::l10n::render(locked.errors[0], svcorg::i18n::Lang::ZhCN)
                .find("无法读取文件夹 " + d.string() + "/sub 的内容：") == 0);
    }
  }

  TEST_CASE("display_path normalizes and drops a leading ./") {
    CHECK(display_path("./a/b.yaml") == "a/b.yaml");
    CHECK(display_path("a//b") == "a/b");
    CHECK(display_path("a/./c/../b") == "a/b");
    CHECK(display_path(".") == ".");
    CHECK(display_path("./") == ".");
  }

  TEST_CASE("records_roots: the nearest folder with a District at its top, up to the git work tree's top") {
    testing::TempDir tmp;
    const fs::path top = fs::canonical(tmp.path());
    const std::string district = "apiVersion: svcorg/v1\nkind: District\nid: d\nname: 区\nstreets: []\n";
    testing::write_file(top / "repo" / "records" / "plans" / "2026" / "x.yaml", "kind: Plan\n");
    testing::write_file(top / "repo" / "records" / "notes.yaml", "kind: Branch\nid: District\n");  // no District
    testing::write_file(top / "repo" / "records" / ".hidden.yaml", district);                      // hidden
    testing::write_file(top / "repo" / "records" / "plans" / "district.txt", district);            // not *.yaml
    testing::write_file(top / "repo" / "district.yml", district);
    testing::write_file(top / "district.yaml", district);  // above the work tree: never reached
    const std::string file = (top / "repo" / "records" / "plans" / "2026" / "x.yaml").string();
    // No git work tree above: none.
    CHECK(svcorg::load::records_roots({file}).front().empty());
    // The work tree's top holds the District (`.git` may be a file, as in a worktree).
    testing::write_file(top / "repo" / ".git", "gitdir: elsewhere\n");
    CHECK(svcorg::load::records_roots({file}).front() == (top / "repo").string());
    // A nearer folder with a District wins; a relative path is taken from the current folder.
    testing::write_file(top / "repo" / "records" / "district.yaml", district);
    CHECK(svcorg::load::records_roots({file}).front() == (top / "repo" / "records").string());
    {
      testing::Chdir cd(top / "repo" / "records" / "plans");
      CHECK(svcorg::load::records_roots({"2026/x.yaml"}).front() == (top / "repo" / "records").string());
      CHECK(svcorg::load::records_roots({"../district.yaml"}).front() == (top / "repo" / "records").string());
    }
    // No District between the file and the work tree's top: none.
    fs::remove(top / "repo" / "records" / "district.yaml");
    fs::remove(top / "repo" / "district.yml");
    CHECK(svcorg::load::records_roots({file}).front().empty());
  }
}
