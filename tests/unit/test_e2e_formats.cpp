// End-to-end runs of `svcorg validate --format sarif|junit|github|gitlab` and of
// `--output FORMAT=FILE`: several reports from one run, written atomically.
#include <doctest/doctest.h>

#include <set>

#include "format_checks.hpp"
#include "support.hpp"
#include "svcorg/diag/formats.hpp"
#include "tree_builder.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using testing::read_file;
using testing::run_svcorg;
using testing::write_file;

namespace {

const std::string kBadNeed = tree::need_of_nobody().text();

// A district, a branch defined twice (duplicate-id, its message quoting the first's
// position), a need naming no branch (reference), and warnings (required-platform).
void make_tree(const fs::path& root) {
  tree::write(root, {{"district.yaml", tree::district("zh-CN").text()},
                     {"branches/a.yaml", tree::branch("meiliyuan").text()},
                     {"branches/b.yaml", tree::branch("meiliyuan").text()},
                     {"needs/n1.yaml", kBadNeed}});
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
    const auto text = run_svcorg("validate --lang en --color never --as-of 2026-06-30 .", tmp.path());
    CHECK(text.exit_code == 1);

    const auto sarif = run_svcorg("validate --lang en --format sarif --as-of 2026-06-30 .", tmp.path());
    CHECK(sarif.exit_code == 1);
    const json doc = json::parse(sarif.out);
    CHECK(testing::sarif_schema_errors(doc).empty());
    const json& results = doc["runs"][0]["results"];
    const auto dup =
        std::find_if(results.begin(), results.end(), [](const json& r) { return r["ruleId"] == "duplicate-id"; });
    REQUIRE(dup != results.end());
    CHECK((*dup)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "branches/b.yaml");
    CHECK((*dup)["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "branches/a.yaml");

    const auto junit = run_svcorg("validate --lang en --format junit --as-of 2026-06-30 .", tmp.path());
    CHECK(junit.exit_code == 1);
    const json parsed = testing::parse_junit(junit.out);
    REQUIRE(!parsed.is_null());
    CHECK(parsed["tests"] == "4");
    CHECK(parsed["failures"] == "2");
    std::vector<std::string> names;
    for (const auto& c : parsed["suites"][0]["cases"]) names.push_back(c["name"].get<std::string>());
    CHECK(names == std::vector<std::string>{"branches/a.yaml", "branches/b.yaml", "district.yaml", "needs/n1.yaml"});

    const auto github = run_svcorg("validate --lang en --format github --as-of 2026-06-30 .", tmp.path());
    CHECK(github.exit_code == 1);
    CHECK(github.out.find("::error file=needs/n1.yaml,line=4,col=9,title=reference::`branch` names `nobody`") !=
          std::string::npos);
    CHECK(github.out.find("::warning file=") != std::string::npos);
    CHECK(github.out.substr(github.out.rfind("svcorg: ")) == text.out.substr(text.out.rfind("svcorg: ")));
    const auto quiet = run_svcorg("validate --lang en --format github -q --as-of 2026-06-30 .", tmp.path());
    CHECK(quiet.out.find("::warning") == std::string::npos);
    CHECK(quiet.out.find("svcorg: ") == std::string::npos);
    CHECK(quiet.out.find("::error file=needs/n1.yaml") != std::string::npos);

    const auto gitlab = run_svcorg("validate --lang en --format gitlab --as-of 2026-06-30 .", tmp.path());
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
    auto r = run_svcorg("validate --lang en . -o xml=out.xml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown format `xml`") != std::string::npos);
    CHECK(r.out.empty());
    r = run_svcorg("validate --lang en . -o sarfi=out.sarif", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("did you mean `sarif`?") != std::string::npos);
    for (const char* bad : {"sarif", "=x.sarif", "sarif=", "sarif=-"}) {
      CAPTURE(bad);
      r = run_svcorg(std::string("validate --lang en . -o '") + bad + "'", tmp.path());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("--output") != std::string::npos);
    }
    CHECK(run_svcorg("validate --lang en . --format gitlabb", tmp.path()).exit_code == 2);

    // A folder that does not exist: exit 2, a clear message, nothing written; the other
    // reports of the run are still written and standard output is still printed.
    r = run_svcorg("validate --lang en --color never . -o sarif=no/such/dir/x.sarif -o junit=junit.xml", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(
              "svcorg: error: --output sarif=no/such/dir/x.sarif: cannot create a temporary file in no/such/dir") !=
          std::string::npos);
    CHECK(r.out.find("[reference]") != std::string::npos);
    CHECK(r.out.find("; the run did not complete\n") != std::string::npos);
    CHECK(!fs::exists(tmp.path() / "no"));
    // The other report is written, and says the run failed and why.
    const json junit = testing::parse_junit(read_file(tmp.path() / "junit.xml"));
    REQUIRE(!junit.is_null());
    CHECK(junit["errors"] == "1");
    CHECK(junit["suites"][0]["cases"][0]["errors"][0]["message"] ==
          "svcorg validate did not complete: --output sarif=no/such/dir/x.sarif: cannot create a temporary file in "
          "no/such/dir: No such file or directory. This report is incomplete: fix that and run svcorg validate "
          "again.");
    // The target is a folder: the rename fails, the temporary file is removed and what was
    // there is left as it was.
    write_file(tmp.path() / "taken" / "inside.txt", "keep me");
    r = run_svcorg("validate --lang en . -o sarif=taken -o sarif=keep.sarif", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--output sarif=taken: cannot write taken") != std::string::npos);
    CHECK(read_file(tmp.path() / "taken" / "inside.txt") == "keep me");
    const json kept = json::parse(read_file(tmp.path() / "keep.sarif"));
    CHECK(testing::sarif_schema_errors(kept).empty());
    CHECK(kept["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    // A report written before the failing one is written again, with the failure.
    r = run_svcorg("validate --lang en . -o json=first.json -o sarif=taken", tmp.path());
    CHECK(r.exit_code == 2);
    const json first = json::parse(read_file(tmp.path() / "first.json"));
    CHECK(first["diagnostics"][0]["rule"] == "run-failed");
    CHECK(first["diagnostics"][0]["file"] == "taken");
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

  TEST_CASE("a failed run: a path that does not exist, in every format and every -o file") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    const char* formats[] = {"text", "json", "sarif", "junit", "github", "gitlab"};
    std::string outputs;
    for (const char* f : formats) {
      write_file(tmp.path() / (std::string("report.") + f), "a clean report of an earlier run\n");
      outputs += std::string(" -o ") + f + "=report." + f;
    }
    const std::string args = "validate --lang en --as-of 2026-06-30 --color never . no/such";
    const auto r = run_svcorg(args + outputs, tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "svcorg: error: no/such: no such file or directory\n");
    CHECK(temp_files(tmp.path()).empty());
    const std::string why =
        "svcorg validate did not complete: no/such: no such file or directory. This report is incomplete: fix that "
        "and run svcorg validate again.";

    // Text: the findings of what was read, and a summary that counts the failure.
    const auto clean = run_svcorg("validate --lang en --as-of 2026-06-30 --color never .", tmp.path());
    REQUIRE(clean.exit_code == 1);
    const std::string clean_summary = clean.out.substr(clean.out.rfind("svcorg: "));
    CHECK(clean_summary.rfind("svcorg: 4 files, 4 records: 2 errors, ", 0) == 0);
    std::string summary = clean_summary;
    summary.replace(summary.find("2 errors"), 8, "3 errors");
    summary.insert(summary.size() - 1, "; the run did not complete");
    CHECK(r.out == clean.out.substr(0, clean.out.size() - clean_summary.size()) + summary);
    CHECK(read_file(tmp.path() / "report.text") == clean.out.substr(0, clean.out.size() - clean_summary.size()) +
                                                       "svcorg: error: no/such: no such file or directory\n" + summary);

    const json sarif = json::parse(read_file(tmp.path() / "report.sarif"));
    CHECK(testing::sarif_schema_errors(sarif).empty());
    CHECK(sarif["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    CHECK(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == why);
    CHECK(
        sarif["runs"][0]["results"].size() ==
        json::parse(
            run_svcorg("validate --lang en --as-of 2026-06-30 . --format sarif", tmp.path()).out)["runs"][0]["results"]
            .size());

    const json junit = testing::parse_junit(read_file(tmp.path() / "report.junit"));
    REQUIRE(!junit.is_null());
    CHECK(junit["tests"] == "5");
    CHECK(junit["failures"] == "2");
    CHECK(junit["errors"] == "1");
    CHECK(junit["suites"][0]["cases"][0]["errors"][0]["message"] == why);

    const json report_json = json::parse(read_file(tmp.path() / "report.json"));
    CHECK(report_json["errors"] == 3);
    CHECK(report_json["diagnostics"][0]["message"] == why);
    CHECK(report_json["diagnostics"][0]["rule"] == "run-failed");

    const json gitlab = json::parse(read_file(tmp.path() / "report.gitlab"));
    CHECK(testing::gitlab_schema_errors(gitlab).empty());
    CHECK(gitlab[0]["severity"] == "blocker");
    CHECK(gitlab[0]["description"] == why);

    const std::string github = read_file(tmp.path() / "report.github");
    CHECK(github.rfind("::error::" + why + "\n", 0) == 0);
    CHECK(github.substr(github.rfind("svcorg: ")) == summary);

    // Standard output in each format is the -o file's report (text lists the failure on
    // standard error instead).
    for (const char* f : formats) {
      if (std::string(f) == "text") continue;
      CAPTURE(f);
      const auto one = run_svcorg(args + " --format " + f, tmp.path());
      CHECK(one.exit_code == 2);
      CHECK(one.out == read_file(tmp.path() / (std::string("report.") + f)));
    }
  }

  TEST_CASE("a command line refused once the -o files are known: they get the failure, inputs never") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    write_file(tmp.path() / "x.sarif", "a clean report of an earlier run\n");
    auto r = run_svcorg("validate --lang en . --as-of 2026-02-30 -o sarif=x.sarif", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "svcorg: error: --as-of 2026-02-30 is not a date; write YYYY-MM-DD, e.g. 2026-12-31\n");
    json sarif = json::parse(read_file(tmp.path() / "x.sarif"));
    CHECK(testing::sarif_schema_errors(sarif).empty());
    CHECK(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] ==
          "svcorg validate did not complete: --as-of 2026-02-30 is not a date; write YYYY-MM-DD, e.g. 2026-12-31. "
          "This report is incomplete: fix that and run svcorg validate again.");
    CHECK(sarif["runs"][0]["results"].empty());

    // An -o file that is an input is never written; the others say why the run failed.
    const std::string district = read_file(tmp.path() / "district.yaml");
    r = run_svcorg("validate --lang en . -o sarif=district.yaml -o json=x.json", tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(read_file(tmp.path() / "district.yaml") == district);
    const json j = json::parse(read_file(tmp.path() / "x.json"));
    CHECK(j["files"] == 0);
    CHECK(j["errors"] == 1);
    CHECK(j["diagnostics"][0]["message"].get<std::string>().find(
              "cannot write district.yaml: it is one of the inputs") != std::string::npos);

    // --since outside a git repository.
    r = run_svcorg("validate --lang en . --since HEAD -o sarif=x.sarif", tmp.path());
    CHECK(r.exit_code == 2);
    sarif = json::parse(read_file(tmp.path() / "x.sarif"));
    CHECK(sarif["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    CHECK(
        sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].get<std::string>().find(
            "--since HEAD") != std::string::npos);
    CHECK(temp_files(tmp.path()).empty());
  }

  TEST_CASE("absolute inputs: relative URIs and paths, for GitHub and GitLab") {
    testing::TempDir tmp;
    const fs::path records = tmp.path() / "记录 2026";
    make_tree(records);
    const std::string abs = records.string();
    const std::string common = "validate --as-of 2026-06-30 --format ";
    // From the folder that holds them: the same places as for relative inputs (messages
    // that quote a path, e.g. duplicate-id's, quote it as given).
    const auto places = [&](const std::string& format, const std::string& input) {
      std::vector<std::string> out;
      const json doc = json::parse(run_svcorg(common + format + " '" + input + "'", tmp.path()).out);
      if (format == "gitlab")
        for (const auto& issue : doc) out.push_back(issue["location"].dump());
      else
        for (const auto& res : doc["runs"][0]["results"]) out.push_back(res["locations"].dump());
      return out;
    };
    for (const char* f : {"sarif", "gitlab"}) {
      CAPTURE(f);
      const auto relative = places(f, "记录 2026");
      CHECK(relative.size() == 6);
      CHECK(places(f, abs) == relative);
    }
    // From elsewhere: relative to the inputs' folder, declared as %INPUTROOT%.
    fs::create_directories(tmp.path() / "elsewhere");
    const json sarif = json::parse(run_svcorg(common + "sarif '" + abs + "'", tmp.path() / "elsewhere").out);
    CHECK(testing::sarif_schema_errors(sarif).empty());
    const json& run = sarif["runs"][0];
    CHECK(run["originalUriBaseIds"]["%INPUTROOT%"]["uri"] == "file://" + svcorg::diag::uri_reference(abs) + "/");
    CHECK(run["originalUriBaseIds"]["%INPUTROOT%"]["uri"].get<std::string>().find("%E8%AE%B0%E5%BD%95%202026/") !=
          std::string::npos);
    std::set<std::string> uris;
    for (const auto& res : run["results"]) {
      const json& where = res["locations"][0]["physicalLocation"]["artifactLocation"];
      CHECK(where["uriBaseId"] == "%INPUTROOT%");
      uris.insert(where["uri"].get<std::string>());
    }
    CHECK(uris == std::set<std::string>{"branches/a.yaml", "branches/b.yaml", "needs/n1.yaml"});
    const json junit = testing::parse_junit(run_svcorg(common + "junit '" + abs + "'", tmp.path() / "elsewhere").out);
    const json& cases = junit["suites"][0]["cases"];
    REQUIRE(cases.size() == 4);
    CHECK(cases[0]["name"] == abs + "/branches/a.yaml");
    CHECK(cases[0]["file"] == "branches/a.yaml");
    const json gitlab = json::parse(run_svcorg(common + "gitlab '" + abs + "'", tmp.path() / "elsewhere").out);
    CHECK(testing::gitlab_schema_errors(gitlab).empty());
    for (const auto& issue : gitlab) CHECK(issue["location"]["path"].get<std::string>().front() != '/');

    // Inside a git work tree: relative to its top, where GitHub and GitLab place files.
    fs::create_directories(tmp.path() / ".git");
    const json in_repo = json::parse(run_svcorg(common + "sarif '" + abs + "/needs'", tmp.path() / "elsewhere").out);
    CHECK(in_repo["runs"][0]["originalUriBaseIds"]["%INPUTROOT%"]["uri"] ==
          "file://" + svcorg::diag::uri_reference(tmp.path().string()) + "/");
    CHECK(in_repo["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "%E8%AE%B0%E5%BD%95%202026/needs/n1.yaml");
  }

  TEST_CASE("score and report with -o on a failed run: the file is left as it was, nothing half-written") {
    testing::TempDir tmp;
    make_tree(tmp.path());
    for (const char* cmd : {"score", "report"}) {
      CAPTURE(cmd);
      write_file(tmp.path() / "out.txt", "an earlier result\n");
      const auto r = run_svcorg(std::string(cmd) + " . no/such --as-of 2026-06-30 --lang en -o out.txt", tmp.path());
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("svcorg: error: no/such: no such file or directory\n") != std::string::npos);
      CHECK(read_file(tmp.path() / "out.txt") == "an earlier result\n");
      CHECK(temp_files(tmp.path()).empty());
    }
  }
}
