// The --since logic without git: which records a change touches (scope::Scope), which
// findings and branches it keeps, how repository paths map to display paths
// (scope::InputMap), and what cmd::changes_since asks a repository (a fake one here).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "support.hpp"
#include "svcorg/cmd/since.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/scope/inputs.hpp"
#include "svcorg/scope/scope.hpp"
#include "svcorg/scope/standing.hpp"
#include "svcorg/vcs/git.hpp"

using svcorg::diag::Diagnostic;
using svcorg::scope::Changes;
using svcorg::scope::Scope;

namespace {

const std::string kHead = "apiVersion: svcorg/v1\n";

std::string branch(const std::string& id, const std::string& street = "s1") {
  return kHead + "kind: Branch\nid: " + id + "\nname: 支部\ntype: residential\nstreet: " + street +
         "\nmembers: 5\nsecretary: {name: 王, certified: true}\n";  // 8 lines
}

std::string need(const std::string& id, const std::string& branch_id, const std::string& extra = "") {
  return kHead + "kind: Need\nid: " + id + "\nbranch: " + branch_id +
         "\nreceived: 2026-03-02\nchannel: visit\ncategory: other\nsummary: x\nlayer: branch\ndisposal: solve\n"
         "status: received\n" +
         extra + "events:\n  - {date: 2026-03-02, status: received}\n";
}

// Files of (display path, text) loaded as one record set.
svcorg::model::RecordSet load(const std::vector<std::pair<std::string, std::string>>& files) {
  svcorg::model::RecordSet rs;
  svcorg::diag::Sink sink;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, rs, sink);
  return rs;
}

Diagnostic at(const std::string& file, uint32_t line, const std::string& rule = "reference") {
  Diagnostic d;
  d.file = file;
  d.pos = {line, 1};
  d.rule = rule;
  return d;
}

// The district used below:
//   district.yaml  District d with streets s1, s2
//   branches.yaml  a (s1, lines 1-8), b (s2, lines 10-17), c (s1, lines 19-26)
//   needs.yaml     n1 of a (lines 1-13), n2 of b (lines 15-27)
//   platforms.yaml p owned by c, with participant b
//   plans.yaml     plan of c whose item answers n2
std::vector<std::pair<std::string, std::string>> district() {
  return {{"district.yaml", kHead + "kind: District\nid: d\nname: 区\nstreets:\n  - {id: s1, name: 一}\n"
                                    "  - {id: s2, name: 二}\n"},
          {"branches.yaml", branch("a") + "---\n" + branch("b", "s2") + "---\n" + branch("c")},
          {"needs.yaml", need("n1", "a") + "---\n" + need("n2", "b")},
          {"platforms.yaml", kHead + "kind: Platform\nid: p\nname: 平台\nowner: c\nlevel: grassroots\n"
                                     "category: information\ncadence: monthly\nparticipants: [b]\n"},
          {"plans.yaml", kHead + "kind: Plan\nid: c-2026\nbranch: c\nyear: 2026\nstatus: draft\n"
                                 "base: {dues_paid_rate: 1, statistics_on_time: true, organizational_life: 12}\n"
                                 "items:\n  - {id: i, title: t, category: other, approval: self, needs: [n2]}\n"}};
}

class FakeRepo : public svcorg::vcs::Repository {
 public:
  std::string top = "/repo";
  std::vector<std::string> changed;
  std::map<std::string, std::string> objects;  // "COMMIT:PATH" or blob id → contents
  mutable std::vector<std::string> asked;

  const std::string& root() const override { return top; }
  svcorg::util::Result<std::string> resolve(const std::string& rev) const override { return rev; }
  svcorg::util::Result<std::vector<std::string>> changed_since(const std::string&) const override { return changed; }
  std::vector<svcorg::vcs::TreeFile> tree;  // of every commit
  svcorg::util::Result<std::vector<svcorg::vcs::TreeFile>> files_at(const std::string&) const override { return tree; }
  svcorg::util::Result<std::vector<std::optional<std::string>>> read(
      const std::vector<std::string>& names) const override {
    std::vector<std::optional<std::string>> out;
    for (const auto& n : names) {
      asked.push_back(n);
      const auto it = objects.find(n);
      out.push_back(it == objects.end() ? std::nullopt : std::optional<std::string>(it->second));
    }
    return out;
  }
};

}  // namespace

TEST_SUITE("scope since: records and findings") {
  TEST_CASE("a changed need keeps itself, the branch it names, and the plan that answers it") {
    const auto now = load(district());
    Changes ch;
    ch.files = {"needs.yaml"};
    const Scope s(now, ch);
    CHECK(s.changed_records() == 2);  // n1, n2
    // n1 → a; n2 → b; plans.yaml answers n2.
    CHECK(s.related_records() == 3);
    CHECK(s.keeps(at("needs.yaml", 3)));
    CHECK(s.keeps(at("branches.yaml", 4)));         // a
    CHECK(s.keeps(at("branches.yaml", 12)));        // b
    CHECK_FALSE(s.keeps(at("branches.yaml", 20)));  // c: not named by a changed record
    CHECK(s.keeps(at("plans.yaml", 5)));
    CHECK_FALSE(s.keeps(at("platforms.yaml", 2)));
    CHECK_FALSE(s.keeps(at("district.yaml", 2)));
    CHECK(s.selects_branch("a"));
    CHECK(s.selects_branch("b"));
    CHECK(s.selects_branch("c"));  // its plan is related
    CHECK_FALSE(s.no_change());
  }

  TEST_CASE("a changed need keeps its branch's plans, which it does not name (plan-quality reads it)") {
    auto files = district();
    files.push_back({"needs-c.yaml", need("n3", "c")});
    const auto now = load(files);
    Changes ch;
    ch.files = {"needs-c.yaml"};
    const Scope s(now, ch);
    CHECK(s.changed_records() == 1);
    CHECK(s.related_records() == 2);                // c (named) and its plan (not named)
    CHECK_FALSE(s.keeps(at("platforms.yaml", 2)));  // p is c's, but references no changed record
    CHECK(s.keeps(at("plans.yaml", 5)));
    CHECK(s.selects_branch("c"));
    CHECK_FALSE(s.selects_branch("a"));
    CHECK_FALSE(s.selects_branch("b"));
  }

  TEST_CASE("a changed branch keeps what references it, in unchanged files, record by record") {
    auto files = district();
    Changes ch;
    ch.files = {"branches.yaml"};
    // Only b's part of branches.yaml changed for this test: put b alone in its own file.
    files[1] = {"branches.yaml", branch("b", "s2")};
    files.push_back({"others.yaml", branch("a") + "---\n" + branch("c")});
    const auto now = load(files);
    const Scope s(now, ch);
    CHECK(s.keeps(at("needs.yaml", 17)));       // n2 names b
    CHECK_FALSE(s.keeps(at("needs.yaml", 3)));  // n1 names a
    CHECK(s.keeps(at("platforms.yaml", 9)));    // b is a participant
    CHECK(s.keeps(at("district.yaml", 5)));     // b names street s2 of the District
    CHECK_FALSE(s.keeps(at("others.yaml", 3)));
    CHECK_FALSE(s.keeps(at("others.yaml", 12)));
    CHECK_FALSE(s.keeps(at("plans.yaml", 3)));
    CHECK(s.selects_branch("b"));
    CHECK_FALSE(s.selects_branch("a"));
    CHECK_FALSE(s.selects_branch("c"));
  }

  TEST_CASE("a renamed or deleted record: what named its old id is related") {
    auto files = district();
    files[1] = {"branches.yaml", branch("a2") + "---\n" + branch("b", "s2") + "---\n" + branch("c")};
    const auto now = load(files);
    Changes ch;
    ch.files = {"branches.yaml"};
    ch.before = load({{"branches.yaml", branch("a") + "---\n" + branch("b", "s2") + "---\n" + branch("c")}});
    const Scope s(now, ch);
    CHECK(s.keeps(at("needs.yaml", 4)));  // n1 still names a
    CHECK(s.selects_branch("a"));         // gone, but a delta shows it removed
    CHECK(s.selects_branch("a2"));

    // A deleted file: only `before` knows its records.
    Changes deleted;
    deleted.before = load({{"old.yaml", need("n9", "c")}});
    const Scope d(load(district()), deleted);
    CHECK(d.changed_records() == 0);
    CHECK_FALSE(d.no_change());               // the inputs at REV differ: score --since scores them
    CHECK(d.keeps(at("branches.yaml", 20)));  // c was named by the deleted need
    CHECK_FALSE(d.keeps(at("branches.yaml", 2)));
  }

  TEST_CASE("file-level findings need a changed file, related locations count") {
    const auto now = load(district());
    Changes ch;
    ch.files = {"needs.yaml"};
    const Scope s(now, ch);
    for (const char* rule : {"yaml-syntax", "duplicate-key", "header", "no-district"}) {
      CAPTURE(rule);
      CHECK(s.keeps(at("needs.yaml", 2, rule)));
      CHECK_FALSE(s.keeps(at("branches.yaml", 2, rule)));  // in a related record, but an old fault
    }
    // A duplicate reported at an unchanged record whose earlier twin is in a changed file.
    Diagnostic dup = at("platforms.yaml", 3, "duplicate-id");
    CHECK_FALSE(s.keeps(dup));
    dup.has_related = true;
    dup.related = {"needs.yaml", {3, 1}};
    CHECK(s.keeps(dup));
    // no-district when a District changed (here: was deleted).
    Changes gone;
    gone.before = load({{"district.yaml", district()[0].second}});
    CHECK(Scope(now, gone).keeps(at("branches.yaml", 1, "no-district")));
    const auto narrowed = svcorg::scope::narrow({at("needs.yaml", 1), at("platforms.yaml", 1)}, s);
    REQUIRE(narrowed.size() == 1);
    CHECK(narrowed[0].file == "needs.yaml");
  }

  // A broken file that a change did not touch: its finding counts the references a
  // changed file makes to what it would define, and is kept for them.
  TEST_CASE("a root finding is kept when one of the findings it counts would be") {
    const auto now = load(district());
    Changes ch;
    ch.files = {"needs.yaml"};
    const Scope s(now, ch);
    Diagnostic root = at("branches.yaml", 2, "yaml-syntax");
    CHECK_FALSE(s.keeps(root));
    root.dependents = {{"platforms.yaml", {5, 8}}};  // p: not related to a changed record
    CHECK_FALSE(s.keeps(root));
    root.dependents.push_back({"needs.yaml", {4, 9}});
    CHECK(s.keeps(root));
  }

  TEST_CASE("nothing changed keeps nothing") {
    const Scope s(load(district()), Changes{});
    CHECK_FALSE(s.keeps(at("needs.yaml", 1)));
    CHECK_FALSE(s.selects_branch("a"));
    CHECK(s.changed_records() == 0);
    CHECK(s.related_records() == 0);
    CHECK(s.no_change());
  }
}

TEST_SUITE("scope since: input paths") {
  TEST_CASE("repository paths map to display paths as discovery would") {
    using svcorg::scope::Input;
    const svcorg::scope::InputMap map(
        {Input{".", "records", true}, Input{"../extra/one.txt", "extra/one.txt", false}, Input{"/abs/top", ".", true}});
    CHECK(map.display_paths("records/a.yaml") == std::vector<std::string>{"/abs/top/records/a.yaml", "a.yaml"});
    CHECK(map.display_paths("records/sub/b.yml") ==
          std::vector<std::string>{"/abs/top/records/sub/b.yml", "sub/b.yml"});
    CHECK(map.display_paths("records/.hidden/a.yaml").empty());
    CHECK(map.display_paths("records/.a.yaml").empty());
    CHECK(map.display_paths("records/a.json").empty());
    CHECK(map.display_paths("recordsx/a.yaml") == std::vector<std::string>{"/abs/top/recordsx/a.yaml"});
    CHECK(map.display_paths("extra/one.txt") == std::vector<std::string>{"../extra/one.txt"});  // named: any name
    CHECK(map.display_paths(".git/x.yaml").empty());
  }

  TEST_CASE("paths outside the repository are listed apart") {
    testing::TempDir tmp;
    const auto map = svcorg::scope::InputMap::from_paths({tmp.path().string(), "-", "/"}, tmp.path().string());
    REQUIRE(map.inputs().size() == 1);
    CHECK(map.inputs()[0].rel == ".");
    CHECK(map.inputs()[0].directory);
    CHECK(map.outside() == std::vector<std::string>{"/"});
  }
}

TEST_SUITE("scope since: changes from a repository") {
  TEST_CASE("changes_since maps changed paths and loads their old versions") {
    FakeRepo repo;
    repo.changed = {"records/needs.yaml", "records/gone.yaml", "README.md", "records/new.yaml"};
    repo.objects["C:records/needs.yaml"] = need("n1", "old-branch");
    repo.objects["C:records/gone.yaml"] = need("n9", "c");
    const svcorg::scope::InputMap inputs({svcorg::scope::Input{"records", "records", true}});
    const auto changes =
        svcorg::cmd::changes_since(repo, "C", inputs, {"records/needs.yaml", "records/new.yaml", "records/x.yaml"});
    REQUIRE(changes);
    const Changes& ch = *changes;
    CHECK(ch.files == std::set<std::string>{"records/needs.yaml", "records/new.yaml"});
    CHECK(repo.asked == std::vector<std::string>{"C:records/needs.yaml", "C:records/gone.yaml", "C:records/new.yaml"});
    REQUIRE(ch.before.needs.size() == 2);
    CHECK(*ch.before.needs[0].branch == "old-branch");
    CHECK(*ch.before.needs[1].id == "n9");
  }

  TEST_CASE("inputs_at reads the inputs' files at the revision under their display paths") {
    testing::TempDir dir;
    std::filesystem::create_directories(dir.path() / "records");
    FakeRepo repo;
    repo.top = std::filesystem::canonical(dir.path()).string();
    repo.tree = {{"records/b.yaml", "ob", false},      {"records/a.yml", "oa", false},
                 {"records/.old/c.yaml", "oc", false}, {"records/link.yaml", "ol", true},
                 {"records/notes.txt", "on", false},   {"other/d.yaml", "od", false}};
    repo.objects = {{"oa", "A"}, {"ob", "B"}};
    svcorg::cmd::Common c;
    const std::string records = (dir.path() / "records").string();
    c.paths = {records};
    const auto read = svcorg::cmd::inputs_at(repo, "C", c);
    REQUIRE(read);
    const auto& held = *read;
    REQUIRE(held.size() == 2);
    CHECK(held[0].name == records + "/a.yml");
    CHECK(held[0].bytes == "A");
    CHECK(held[1].name == records + "/b.yaml");
    CHECK(held[1].bytes == "B");
    CHECK(repo.asked == std::vector<std::string>{"ob", "oa"});  // not the hidden, linked or other files

    repo.tree.push_back({"records/e.yaml", "missing", false});
    const auto failure = [&] {
      const auto r = svcorg::cmd::inputs_at(repo, "C", c);
      REQUIRE_FALSE(r);
      return svcorg::l10n::render(r.error());
    };
    CHECK(failure() == "cannot read records/e.yaml at the revision");
    c.paths = {records, "-"};
    CHECK(failure() == "standard input has no history; give paths in a git repository");
    c.paths = {"/"};
    CHECK(failure() == "/ is not in the git repository " + repo.top);
  }

  TEST_CASE("check_revision refuses what could be read as an option") {
    CHECK(svcorg::vcs::check_revision("HEAD~1"));
    CHECK(svcorg::vcs::check_revision("origin/main"));
    CHECK_FALSE(svcorg::vcs::check_revision(""));
    CHECK_FALSE(svcorg::vcs::check_revision("--output=x"));
    CHECK_FALSE(svcorg::vcs::check_revision("-p"));
    CHECK_FALSE(svcorg::vcs::check_revision("a\nb"));
  }

  TEST_CASE("inputs_dir picks the repository to ask") {
    CHECK(svcorg::cmd::inputs_dir({}) == ".");
    CHECK(svcorg::cmd::inputs_dir({"-"}).empty());
    CHECK(svcorg::cmd::inputs_dir({"-", "no/such/file.yaml"}) == "no/such");
    CHECK(svcorg::cmd::inputs_dir({"file.yaml"}) == ".");
    CHECK(svcorg::cmd::inputs_dir({testing::kSource.string()}) == testing::kSource.string());
  }
}

TEST_SUITE("scope since: branches whose standing moved") {
  using svcorg::scope::Standing;
  using Ids = std::set<std::string>;

  Standing scored(const std::string& id, long long cents, const std::string& grade, int rank, int rank_in_type) {
    return Standing{id, true, cents, grade, rank, rank_in_type};
  }

  TEST_CASE("total, grade and either rank count, unchanged branches do not") {
    const std::vector<Standing> then = {scored("a", 8000, "good", 1, 1), scored("b", 7000, "fair", 2, 1),
                                        scored("c", 6000, "fair", 3, 2), scored("d", 5000, "poor", 4, 1)};
    CHECK(svcorg::scope::moved(then, then).empty());
    std::vector<Standing> now = then;
    now[0].total_cents = 8001;  // a: by one hundredth, as shown
    now[1].grade = "good";      // b: grade alone
    now[2].rank_in_type = 1;    // c: rank in type alone
    CHECK(svcorg::scope::moved(now, then) == Ids{"a", "b", "c"});
    now = then;
    now[3].rank_in_district = 3;  // d: rank in the district alone
    CHECK(svcorg::scope::moved(now, then) == Ids{"d"});
  }

  TEST_CASE("a branch scored in one and not the other, or in one only, moved") {
    const std::vector<Standing> then = {scored("a", 8000, "good", 1, 1), Standing{"u", false, 0, {}, 0, 0},
                                        Standing{"v", false, 0, {}, 0, 0}, scored("gone", 5000, "poor", 2, 2)};
    const std::vector<Standing> now = {scored("a", 8000, "good", 1, 1), scored("u", 6000, "fair", 2, 2),
                                       Standing{"v", false, 0, {}, 0, 0}, Standing{"new", false, 0, {}, 0, 0}};
    // v is unscored in both: nothing of it to move.
    CHECK(svcorg::scope::moved(now, then) == Ids{"gone", "new", "u"});
    CHECK(svcorg::scope::moved({}, {}).empty());
  }
}
