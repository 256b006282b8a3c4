// End-to-end runs of `svcorg validate --format sarif|junit|github|gitlab` and of
// `--output FORMAT=FILE`: several reports from one run, written atomically.
#include <doctest/doctest.h>

#include <set>

#include "format_checks.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

const char* kDistrict =
    "apiVersion: svcorg/v1\nkind: District\nid: jingan\nname: 静安区\nlang: zh-CN\n"
    "streets:\n  - {id: nanjingxi, name: 南京西路街道}\n";

std::string branch(const std::string& id) {
  return "apiVersion: svcorg/v1\nkind: Branch\nid: " + id +
         "\nname: 美丽园居民区\ntype: organ\nstreet: nanjingxi\n"
         "members: 120\nreserve_cadres: 2\nsecretary: {name: 王芳, certified: true}\n";
}

const char* kBadNeed =
    "apiVersion: svcorg/v1\nkind: Need\nid: n1\nbranch: nobody\nreceived: 2026-03-02\nchannel: visit\n"
    "category: work-style\nsummary: 测试\nlayer: branch\ndisposal: solve\nstatus: received\n"
    "events:\n  - {date: 2026-03-02, status: received}\n";

// A district, a branch defined twice (duplicate-id, its message quoting the first's
// position), a need naming no branch (reference), and warnings (required-platform).
void make_tree(const fs::path& root) {
  write_file(root / "district.yaml", kDistrict);
  write_file(root / "branches" / "a.yaml", branch("meiliyuan"));
  write_file(root / "branches" / "b.yaml", branch("meiliyuan"));
  write_file(root / "needs" / "n1.yaml", kBadNeed);
}

// Files a failed or finished atomic write could leave behind.
std::vector<std::string> temp_files(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.path().filename().string().find(".svcorg-") != std::string::npos) out.push_back(e.path().string());
  return out;
}

std::vector<std::string> gitlab_prints(const std::string& report) {
  std::vector<std::string> out;
  for (const auto& issue : json::parse(report)) out.push_back(issue["fingerprint"].get<std::string>());
  return out;
}

std::vector<std::string> sarif_prints(const std::string& report) {
  std::vector<std::string> out;
  const json sarif = json::parse(report);  // kept: a range-for over a part of a temporary dangles
  for (const auto& r : sarif["runs"][0]["results"])
    out.push_back(r["partialFingerprints"]["svcorgFinding/v1"].get<std::string>());
  return out;
}

}  // namespace

TEST_SUITE("e2e validate formats") {
  TEST_CASE("every format: the exit code of text, and a document its consumer reads") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    const auto text = run_svcorg("validate --color never --as-of 2026-06-30 .", tmp.path());
    CHECK(text.exit_code == 1);

    const auto sarif = run_svcorg("validate --format sarif --as-of 2026-06-30 .", tmp.path());
    CHECK(sarif.exit_code == 1);
    const json doc = json::parse(sarif.out);
    CHECK(testing::sarif_schema_errors(doc).empty());
    const json& results = doc["runs"][0]["results"];
    const auto dup =
        std::find_if(results.begin(), results.end(), [](const json& r) { return r["ruleId"] == "duplicate-id"; });
    REQUIRE(dup != results.end());
    CHECK((*dup)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "branches/b.yaml");
    CHECK((*dup)["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "branches/a.yaml");

    const auto junit = run_svcorg("validate --format junit --as-of 2026-06-30 .", tmp.path());
    CHECK(junit.exit_code == 1);
    const json parsed = testing::parse_junit(junit.out);
    REQUIRE(!parsed.is_null());
    CHECK(parsed["tests"] == "4");
    CHECK(parsed["failures"] == "2");
    std::vector<std::string> names;
    for (const auto& c : parsed["suites"][0]["cases"]) names.push_back(c["name"].get<std::string>());
    CHECK(names == std::vector<std::string>{"branches/a.yaml", "branches/b.yaml", "district.yaml", "needs/n1.yaml"});

    const auto github = run_svcorg("validate --format github --as-of 2026-06-30 .", tmp.path());
    CHECK(github.exit_code == 1);
    CHECK(github.out.find("::error file=needs/n1.yaml,line=4,col=9,title=reference::`branch` names `nobody`") !=
          std::string::npos);
    CHECK(github.out.find("::warning file=") != std::string::npos);
    CHECK(github.out.substr(github.out.rfind("svcorg: ")) == text.out.substr(text.out.rfind("svcorg: ")));
    const auto quiet = run_svcorg("validate --format github -q --as-of 2026-06-30 .", tmp.path());
    CHECK(quiet.out.find("::warning") == std::string::npos);
    CHECK(quiet.out.find("svcorg: ") == std::string::npos);
    CHECK(quiet.out.find("::error file=needs/n1.yaml") != std::string::npos);

    const auto gitlab = run_svcorg("validate --format gitlab --as-of 2026-06-30 .", tmp.path());
    CHECK(gitlab.exit_code == 1);
    const json issues = json::parse(gitlab.out);
    REQUIRE(issues.is_array());
    CHECK(issues.size() == results.size());

    // Byte-for-byte the same on a second run.
    for (const char* format : {"sarif", "junit", "github", "gitlab"}) {
      CAPTURE(format);
      const std::string args = std::string("validate --as-of 2026-06-30 . --format ") + format;
      CHECK(run_svcorg(args, tmp.path()).out == run_svcorg(args, tmp.path()).out);
    }
  }

  TEST_CASE("one run: text on standard output, sarif and junit written to files") {
    testing::TempDir tmp;
    make_tree(tmp.path() / "records");
    write_file(tmp.path() / "junit.xml", std::string(100000, 'x'));  // a previous, longer report
    fs::create_directories(tmp.path() / "out");
    const std::string common = "validate --as-of 2026-06-30 --color never records";
    const auto r = run_svcorg(common + " -o sarif=out/svcorg.sarif --output junit=junit.xml", tmp.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK(r.out == run_svcorg(common, tmp.path()).out);
    CHECK(read_file(tmp.path() / "out" / "svcorg.sarif") == run_svcorg(common + " --format sarif", tmp.path()).out);
    CHECK(read_file(tmp.path() / "junit.xml") == run_svcorg(common + " --format junit", tmp.path()).out);
    CHECK(temp_files(tmp.path()).empty());
    // --format and --output together, the same format twice.
    const auto both = run_svcorg(common + " --format json -o json=a.json -o gitlab=gl.json", tmp.path());
    CHECK(both.exit_code == 1);
    CHECK(read_file(tmp.path() / "a.json") == both.out);
    CHECK(json::parse(read_file(tmp.path() / "gl.json")).is_array());
  }

  TEST_CASE("--output: bad values and failed writes exit 2 and leave nothing behind") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    write_file(tmp.path() / "keep.sarif", "previous report\n");
    auto r = run_svcorg("validate . -o xml=out.xml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown format `xml`") != std::string::npos);
    CHECK(r.out.empty());
    r = run_svcorg("validate . -o sarfi=out.sarif", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("did you mean `sarif`?") != std::string::npos);
    for (const char* bad : {"sarif", "=x.sarif", "sarif=", "sarif=-"}) {
      CAPTURE(bad);
      r = run_svcorg(std::string("validate . -o '") + bad + "'", tmp.path());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("--output") != std::string::npos);
    }
    CHECK(run_svcorg("validate . --format gitlabb", tmp.path()).exit_code == 2);

    // A folder that does not exist: exit 2, a clear message, nothing written; the other
    // reports of the run are still written and standard output is still printed.
    r = run_svcorg("validate --color never . -o sarif=no/such/dir/x.sarif -o junit=junit.xml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(
              "svcorg: error: --output sarif=no/such/dir/x.sarif: cannot create a temporary file in no/such/dir") !=
          std::string::npos);
    CHECK(r.out.find("[reference]") != std::string::npos);
    CHECK(!fs::exists(tmp.path() / "no"));
    CHECK(fs::exists(tmp.path() / "junit.xml"));
    // The target is a folder: the rename fails, the temporary file is removed and what was
    // there is left as it was.
    write_file(tmp.path() / "taken" / "inside.txt", "keep me");
    r = run_svcorg("validate . -o sarif=taken -o sarif=keep.sarif", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--output sarif=taken: cannot write taken") != std::string::npos);
    CHECK(read_file(tmp.path() / "taken" / "inside.txt") == "keep me");
    CHECK(json::parse(read_file(tmp.path() / "keep.sarif"))["version"] == "2.1.0");
    CHECK(temp_files(tmp.path()).empty());
  }

  TEST_CASE("gitlab and sarif fingerprints survive an unrelated edit above") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    const std::string gitlab = "validate --as-of 2026-06-30 . --format gitlab";
    const std::string sarif = "validate --as-of 2026-06-30 . --format sarif";
    const auto g1 = run_svcorg(gitlab, tmp.path()).out;
    const auto s1 = run_svcorg(sarif, tmp.path()).out;
    CHECK(run_svcorg(gitlab, tmp.path()).out == g1);
    const auto prints = gitlab_prints(g1);
    CHECK(std::set<std::string>(prints.begin(), prints.end()).size() == prints.size());

    // Comment lines at the top of every file: every finding moves down, none changes.
    for (const char* f : {"district.yaml", "branches/a.yaml", "branches/b.yaml", "needs/n1.yaml"})
      write_file(tmp.path() / f, "# reviewed\n# by the street\n" + read_file(tmp.path() / f));
    const auto g2 = run_svcorg(gitlab, tmp.path()).out;
    CHECK(g2 != g1);  // the lines moved
    CHECK(json::parse(g2)[0]["location"]["lines"]["begin"] ==
          json::parse(g1)[0]["location"]["lines"]["begin"].get<int>() + 2);
    CHECK(gitlab_prints(g2) == prints);
    CHECK(sarif_prints(run_svcorg(sarif, tmp.path()).out) == sarif_prints(s1));

    // A new finding elsewhere leaves the others' fingerprints alone.
    write_file(tmp.path() / "needs" / "n2.yaml", kBadNeed);
    const auto g3 = gitlab_prints(run_svcorg(gitlab, tmp.path()).out);
    CHECK(g3.size() > prints.size());
    for (const auto& p : prints) CHECK(std::find(g3.begin(), g3.end(), p) != g3.end());
  }
}
