// End-to-end runs of `--since REV` (validate and score) in a temporary git repository:
// only findings of changed records and the records related to them, untracked files,
// renamed and deleted records, and the usage errors (bad revision, no repository).
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "git_repo.hpp"
#include "support.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kHead = "apiVersion: svcorg/v1\n";

std::string branch(const std::string& id) {
  return tree::scored_branch(id).text();
}

// Need `id` of `branch_id` with `status` and, when given, a `platform`.
std::string need(const std::string& id, const std::string& branch_id, const std::string& platform = "",
                 const std::string& status = "received") {
  auto need = tree::need(id, branch_id).set("status", status);
  if (!platform.empty()) need.insert("events", "platform", platform);
  return need.text();
}

// Commit 1: a valid district, except an old reference error in needs/beta.yaml (b-2).
// Commit 2: need a-1 gets a status-mismatch error; branch `top` is renamed `top2`, so
// plans/top.yaml (which still names `top`) gets a reference error.
void make_history(testing::GitRepo& repo) {
  const fs::path root = repo.path();
  write_file(root / "district.yaml", tree::district().text());
  for (const char* id : {"alpha", "beta", "top"})
    write_file(root / "branches" / (std::string(id) + ".yaml"), branch(id));
  write_file(root / "plans" / "top.yaml", tree::plan("top").text());
  write_file(root / "needs" / "alpha.yaml", need("a-1", "alpha"));
  write_file(root / "needs" / "beta.yaml", need("b-1", "beta") + "---\n" + need("b-2", "beta", "nowhere"));
  repo.commit("one");
  write_file(root / "needs" / "alpha.yaml", need("a-1", "alpha", "", "resolved"));
  std::string top = branch("top");
  top.replace(top.find("id: top"), 7, "id: top2");
  write_file(root / "branches" / "top.yaml", top);
  repo.commit("two");
}

const std::string kValidate = "validate --year 2026 --as-of 2026-12-31 --color never ";

std::vector<std::string> rules_in(const std::string& file, const std::string& out) {
  std::vector<std::string> found;
  size_t at = 0;
  while ((at = out.find(file + ":", at)) != std::string::npos) {
    const size_t open = out.find('[', at), close = out.find(']', open);
    found.push_back(out.substr(open + 1, close - open - 1));
    at = close;
  }
  return found;
}

}  // namespace

TEST_SUITE("e2e since") {
  TEST_CASE("validate --since reports the changed records and the records related to them") {
    testing::GitRepo repo;
    make_history(repo);
    const auto all = run_svcorg(kValidate + ".", repo.path());
    CHECK(all.exit_code == 1);
    CHECK(all.out.find("needs/beta.yaml:") != std::string::npos);  // the old error is there

    const auto r = run_svcorg(kValidate + "--since HEAD~1 .", repo.path());
    CHECK(r.exit_code == 1);
    CHECK(rules_in("needs/alpha.yaml", r.out) == std::vector<std::string>{"status-mismatch"});
    // Renamed branch: the plan naming its old id is related, and its error is reported.
    CHECK(rules_in("plans/top.yaml", r.out) == std::vector<std::string>{"reference"});
    // The unrelated old error is not.
    CHECK(r.out.find("needs/beta.yaml") == std::string::npos);
    CHECK(r.err.find("since HEAD~1: 2 changed and ") != std::string::npos);

    // JSON counts only what is reported.
    const auto j = run_svcorg(kValidate + "--since HEAD~1 --format json .", repo.path());
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc["errors"] == 2);

    // Since HEAD nothing changed: nothing reported, exit 0.
    const auto none = run_svcorg(kValidate + "--since HEAD .", repo.path());
    CHECK(none.exit_code == 0);
    CHECK(none.out.find(": error:") == std::string::npos);
  }

  TEST_CASE("validate --since also reads untracked and uncommitted files") {
    testing::GitRepo repo;
    make_history(repo);
    // A new, untracked need of beta with an error; beta's old error stays unreported.
    write_file(repo.path() / "needs" / "extra.yaml", need("x-1", "beta", "elsewhere"));
    const auto r = run_svcorg(kValidate + "--since HEAD .", repo.path());
    CHECK(r.exit_code == 1);
    CHECK(rules_in("needs/extra.yaml", r.out) == std::vector<std::string>{"reference"});
    CHECK(r.out.find("needs/beta.yaml") == std::string::npos);

    // Deleting a need that a branch's file does not name: nothing left to report.
    fs::remove(repo.path() / "needs" / "extra.yaml");
    fs::remove(repo.path() / "needs" / "alpha.yaml");
    const auto gone = run_svcorg(kValidate + "--since HEAD .", repo.path());
    CHECK(gone.exit_code == 0);
  }

  TEST_CASE("validate --since with inputs in a subdirectory and given as files") {
    testing::GitRepo repo;
    const fs::path records = repo.path() / "records";
    write_file(records / "a.yaml", need("a-1", "nobody"));
    write_file(records / "b.yaml", need("b-1", "nobody"));
    repo.commit("one");
    write_file(records / "b.yaml", need("b-1", "nobody2"));
    for (const std::string& args :
         std::vector<std::string>{"records", "records/a.yaml records/b.yaml", "'" + records.string() + "'"}) {
      CAPTURE(args);
      const auto r = run_svcorg(kValidate + "--since HEAD " + args, repo.path());
      CHECK(r.exit_code == 1);
      CHECK(r.out.find("b.yaml:4:9: error:") != std::string::npos);
      CHECK(r.out.find("a.yaml:") == std::string::npos);
    }
    // Run from inside the subdirectory.
    const auto inside = run_svcorg(kValidate + "--since HEAD .", records);
    CHECK(inside.out.rfind("b.yaml:4:9: error:", 0) == 0);
  }

  TEST_CASE("score --since shows only the changed and related branches") {
    testing::GitRepo repo;
    const fs::path root = repo.path();
    write_file(root / "district.yaml", tree::district("", {tree::kNanjingxi, tree::kCaojiadu}).text());
    for (const char* id : {"alpha", "beta", "gamma"}) {
      write_file(root / "branches" / (std::string(id) + ".yaml"), branch(id));
      write_file(root / "plans" / (std::string(id) + ".yaml"), tree::plan(id).text());
    }
    repo.commit("one");
    write_file(root / "needs" / "n.yaml", need("n-1", "gamma"));  // touches gamma only
    const auto r = run_svcorg("score --year 2026 --as-of 2026-12-31 --format json --since HEAD .", root);
    CHECK(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["branches"].size() == 1);
    CHECK(j["branches"][0]["id"] == "gamma");
    CHECK(j["branches"][0]["rank_in_district"] == 1);  // ranked among all three (equal totals)
    REQUIRE(j["streets"].size() == 1);
    CHECK(j["streets"][0]["id"] == "nanjingxi");
    CHECK(j["district"]["scored"] == 3);
    // The score's own warnings are narrowed too: only gamma's plan.
    CHECK(r.err.find("plans/gamma.yaml") != std::string::npos);
    CHECK(r.err.find("plans/alpha.yaml") == std::string::npos);
    // --fail-under gates the shown branches only.
    CHECK(run_svcorg("score --year 2026 --as-of 2026-12-31 --since HEAD --branch alpha --fail-under 99 .", root)
              .exit_code == 0);
  }

  TEST_CASE("score --since also shows the peers whose total, grade or rank moved") {
    // Plan level alone counts: total = 100 × (0.5 q + 0.5 pr) among peers of a type (SPEC 6.2).
    // Commit 1: alpha's plan has 1 item without a target (q 1/9), beta's 2 items with
    // targets (q 5/9): beta is above alpha. Commit 2: alpha's plan gets 3 items with targets
    // (q 2/3): beta's records did not change, but its percentile fell from 1 to 0. cyan,
    // the only building branch, has no peer: its numbers do not move.
    testing::GitRepo repo;
    const fs::path root = repo.path();
    write_file(root / "district.yaml",
               tree::district()
                   .set("scoring",
                        "\n  base_weight: {default: 0}\n"
                        "  autonomous: {plan_level: 1, execution: 0, effect: 0, systems: 0, satisfaction: 0}\n")
                   .text());
    auto plan = [&](const std::string& id, int items, bool targets, const std::string& category = "housing") {
      std::string list = "\n";
      for (int i = 1; i <= items; ++i)
        list += "  - {id: i" + std::to_string(i) + ", title: 修缮, category: " + category +
                ", approval: self, progress: 0.5" + (targets ? ", target: {metric: 户数, value: 10}" : "") + "}\n";
      write_file(root / "plans" / (id + ".yaml"), tree::plan(id).set("items", list).text());
    };
    for (const char* id : {"alpha", "beta"}) write_file(root / "branches" / (std::string(id) + ".yaml"), branch(id));
    write_file(root / "branches" / "cyan.yaml",
               tree::scored_branch("cyan").set("type", "building").insert("street", "units", "3").text());
    plan("alpha", 1, false);
    plan("beta", 2, true);
    plan("cyan", 1, true, "workspace-environment");
    repo.commit("one");
    plan("alpha", 3, true);
    repo.commit("two");

    const std::string score = "score --year 2026 --as-of 2026-12-31 ";
    const auto r = run_svcorg(score + "--format csv --since HEAD~1 .", root);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("alpha,") != std::string::npos);
    CHECK(r.out.find("\nbeta,") != std::string::npos);
    CHECK(r.out.find("cyan") == std::string::npos);
    CHECK(r.err.find("svcorg: since HEAD~1: 1 changed and 1 related records\n"
                     "svcorg: since HEAD~1: 1 more branch shown, whose total, grade or rank moved: beta\n") !=
          std::string::npos);
    const auto j = nlohmann::json::parse(run_svcorg(score + "--format json --since HEAD~1 .", root).out);
    REQUIRE(j["branches"].size() == 2);
    CHECK(j["branches"][0]["id"] == "alpha");
    CHECK(j["branches"][0]["total"] == 83.33);
    CHECK(j["branches"][1]["id"] == "beta");
    CHECK(j["branches"][1]["total"] == 27.78);  // 77.78 at HEAD~1
    CHECK(j["branches"][1]["rank_in_type"] == 2);

    // The gate on --since catches the peer the change lowered.
    const auto gate = run_svcorg(score + "--since HEAD~1 --fail-under 50 .", root);
    CHECK(gate.exit_code == 1);
    CHECK(gate.err.find("svcorg: 1 branch scored under 50: beta (27.78)\n") != std::string::npos);
    // Since HEAD nothing changed and nothing moved.
    const auto none = run_svcorg(score + "--since HEAD --fail-under 50 .", root);
    CHECK(none.exit_code == 0);
    CHECK(none.err.find("svcorg: since HEAD: no other branch's total, grade or rank moved\n") != std::string::npos);

    // Inputs at the revision with errors cannot be scored: every branch is shown.
    write_file(root / "plans" / "cyan.yaml", kHead + "kind: Plan\nid: broken\n");
    repo.commit("broken");
    plan("cyan", 1, true, "workspace-environment");
    const auto broken = run_svcorg(score + "--format csv --since HEAD .", root);
    CHECK(broken.exit_code == 0);
    CHECK(broken.err.find("svcorg: note: --since HEAD: the inputs at HEAD have 5 errors; they cannot be scored; "
                          "every branch is shown\n") != std::string::npos);
    for (const char* id : {"alpha,", "beta,", "cyan,"}) CHECK(broken.out.find(id) != std::string::npos);
    // -q: no note.
    CHECK(run_svcorg(score + "-q --format csv --since HEAD .", root).err.empty());
  }

  TEST_CASE("--since usage errors exit 2") {
    testing::GitRepo repo;
    make_history(repo);
    for (const char* command : {"validate", "score"}) {
      CAPTURE(command);
      const std::string base = std::string(command) + " --year 2026 ";
      auto r = run_svcorg(base + "--since no-such-rev .", repo.path());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("--since no-such-rev: unknown revision no-such-rev") != std::string::npos);
      r = run_svcorg(base + "--since=--output=x .", repo.path());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("starts with '-'") != std::string::npos);
      CHECK_FALSE(fs::exists(repo.path() / "x"));
    }
    testing::TempDir plain;
    write_file(plain.path() / "a.yaml", need("a-1", "nobody"));
    const auto r = run_svcorg("validate --since HEAD .", plain.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is not in a git repository") != std::string::npos);
    CHECK(r.out.empty());
  }
}
