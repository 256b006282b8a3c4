// The CI formats of `svcorg validate` (docs/FORMAT.md, "Output formats"), each checked by
// its real consumer: SARIF against the official 2.1.0 JSON Schema, JUnit by a real XML
// parser, GitLab by the fields GitLab documents, GitHub line by line.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "format_checks.hpp"
#include "support.hpp"
#include "svcorg/cmd/validate.hpp"
#include "svcorg/diag/catalogue.hpp"
#include "svcorg/diag/fingerprint.hpp"
#include "svcorg/diag/formats.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/util/date.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using svcorg::diag::Diagnostic;
using svcorg::diag::Severity;

namespace {

const fs::path kRules = testing::kSource / "tests" / "fixtures" / "rules";

// Loads and checks `paths` as `svcorg validate` does, from inside `dir`.
svcorg::cmd::Checked check_in(const fs::path& dir, const std::vector<std::string>& paths = {"."}) {
  svcorg::cmd::Common c;
  c.paths = paths;
  c.as_of = "2026-06-30";
  std::ostringstream out, err;
  std::istringstream in;
  const svcorg::cmd::Io io{out, err, in, false, false, *svcorg::util::Date::parse("2026-06-30")};
  testing::Chdir cd(dir);
  const auto dates = svcorg::cmd::checked_dates(c, io);
  REQUIRE(dates);
  return svcorg::cmd::load_and_check(c, *dates, io, svcorg::cmd::Needs::Cores);
}

std::vector<fs::path> fixture_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(kRules))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  REQUIRE(dirs.size() >= 30);
  return dirs;
}

Diagnostic finding(std::string file, uint32_t line, uint32_t col, Severity sev, std::string rule, std::string message,
                   std::string kind = "", std::string id = "") {
  Diagnostic d;
  d.file = std::move(file);
  d.pos = {line, col};
  d.severity = sev;
  d.rule = std::move(rule);
  d.message = svcorg::i18n::Message::verbatim(std::move(message));
  d.kind = std::move(kind);
  d.id = std::move(id);
  return d;
}

svcorg::diag::Summary summary_of(const std::vector<Diagnostic>& items, size_t files) {
  return svcorg::diag::summarize(items, files, 0);
}

size_t unwaived_errors(const std::vector<Diagnostic>& items) {
  return static_cast<size_t>(std::count_if(
      items.begin(), items.end(), [](const Diagnostic& d) { return d.severity == Severity::Error && !d.waived; }));
}

// A URI reference made only of unreserved characters, `/` and percent-escapes.
bool clean_uri(const std::string& uri) {
  static const std::regex re("^(file://)?([A-Za-z0-9._~/-]|%[0-9A-F]{2})+$");
  return std::regex_match(uri, re);
}

void check_sarif_run(const json& doc, const std::vector<Diagnostic>& items) {
  const auto errors = testing::sarif_schema_errors(doc);
  CHECK_MESSAGE(errors.empty(), (errors.empty() ? "" : errors.front()));
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(run["results"].size() == items.size());
  std::set<std::string> prints;
  for (size_t i = 0; i < items.size(); ++i) {
    const json& r = run["results"][i];
    CHECK(r["ruleId"] == items[i].rule);
    CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == items[i].rule);
    CHECK(r["level"] == svcorg::diag::severity_name(items[i].severity));
    const json& where = r["locations"][0]["physicalLocation"];
    CHECK(clean_uri(where["artifactLocation"]["uri"].get<std::string>()));
    CHECK(where["region"]["startLine"] == items[i].pos.line);
    CHECK(where["region"]["startColumn"] == items[i].pos.col);
    CHECK(r.contains("relatedLocations") == items[i].has_related);
    prints.insert(r["partialFingerprints"]["svcorgFinding/v1"].get<std::string>());
  }
  CHECK(prints.size() == items.size());
}

}  // namespace

TEST_SUITE("diag formats") {
  TEST_CASE("sarif of the example district conforms to the SARIF 2.1.0 schema") {
    const auto checked = check_in(testing::kSource, {"examples"});
    REQUIRE(!checked.findings.empty());
    const json doc = json::parse(svcorg::cmd::render_validate("sarif", checked, false, false));
    check_sarif_run(doc, checked.findings);
    CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(doc["version"] == "2.1.0");
    const json& run = doc["runs"][0];
    const json& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "svcorg");
    CHECK(driver["version"] == SVCORG_VERSION);
    CHECK(driver["informationUri"] == "https://svcorg.example/docs");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    CHECK(run["invocations"] == json::parse(R"([{"executionSuccessful": true}])"));
    // Every rule of the catalogue, in its order.
    const auto& all = svcorg::diag::catalogue();
    REQUIRE(driver["rules"].size() == all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      const json& rule = driver["rules"][i];
      CHECK(rule["id"] == all[i].id);
      CHECK(rule["shortDescription"]["text"] == svcorg::diag::rule_summary(all[i], svcorg::i18n::Lang::En));
      CHECK(rule["defaultConfiguration"]["level"] == (all[i].severity == Severity::Error ? "error" : "warning"));
      CHECK(!rule["fullDescription"]["text"].get<std::string>().empty());
      CHECK(!rule["help"]["text"].get<std::string>().empty());
    }
    CHECK(driver["rules"][0]["name"] == "YamlSyntax");
    const auto cadre = std::find_if(driver["rules"].begin(), driver["rules"].end(),
                                    [](const json& r) { return r["id"] == "no-reserve-cadre"; });
    REQUIRE(cadre != driver["rules"].end());
    CHECK((*cadre)["name"] == "NoReserveCadre");
    const json& first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(first["uri"] == checked.findings[0].file);
    CHECK(first["uriBaseId"] == "%SRCROOT%");
  }

  TEST_CASE("the consumers reject what they should: a broken SARIF, malformed XML") {
    std::vector<Diagnostic> items = {finding("a.yaml", 1, 1, Severity::Error, "schema", "bad")};
    const json good = json::parse(svcorg::diag::render_sarif(items, summary_of(items, 1), "1.0"));
    REQUIRE(testing::sarif_schema_errors(good).empty());
    json bad = good;
    bad["runs"][0]["columnKind"] = "bytes";
    CHECK(!testing::sarif_schema_errors(bad).empty());
    bad = good;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
    CHECK(!testing::sarif_schema_errors(bad).empty());
    bad = good;
    bad.erase("version");
    CHECK(!testing::sarif_schema_errors(bad).empty());
    CHECK(testing::parse_junit("<testsuites><testcase name=\"a\"></testsuites>\n").is_null());
    CHECK(testing::parse_junit("<testsuites name=\"x & y\"/>\n").is_null());
    CHECK(!testing::parse_junit("<testsuites name=\"x &amp; y\"/>\n").is_null());
  }

  TEST_CASE("sarif of every rule fixture conforms to the SARIF 2.1.0 schema") {
    for (const auto& dir : fixture_dirs()) {
      CAPTURE(dir.filename().string());
      const auto checked = check_in(dir);
      REQUIRE(!checked.findings.empty());
      check_sarif_run(json::parse(svcorg::cmd::render_validate("sarif", checked, false, false)), checked.findings);
    }
  }

  TEST_CASE("sarif: URIs, related locations, kind and id") {
    auto dup =
        finding("needs/a b/美丽园.yaml", 12, 5, Severity::Error, "duplicate-id", "another Need has it", "Need", "n1");
    dup.has_related = true;
    dup.related = {"needs/first#1.yaml", {3, 1}};
    std::vector<Diagnostic> items = {dup, finding("/abs/x.yaml", 1, 1, Severity::Warning, "no-district", "none"),
                                     finding("<stdin>", 2, 3, Severity::Error, "schema", "bad")};
    const json doc = json::parse(svcorg::diag::render_sarif(items, summary_of(items, 3), "9.9.9"));
    check_sarif_run(doc, items);
    const json& results = doc["runs"][0]["results"];
    const json& loc = results[0]["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "needs/a%20b/%E7%BE%8E%E4%B8%BD%E5%9B%AD.yaml");
    CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(results[0]["message"]["text"] == "another Need has it");
    CHECK(results[0]["properties"] == json::parse(R"({"kind": "Need", "id": "n1"})"));
    const json& rel = results[0]["relatedLocations"][0];
    CHECK(rel["id"] == 1);
    CHECK(rel["physicalLocation"]["artifactLocation"]["uri"] == "needs/first%231.yaml");
    CHECK(rel["physicalLocation"]["region"]["startLine"] == 3);
    CHECK(!rel["message"]["text"].get<std::string>().empty());
    // An absolute path is a file: URI of its own, not relative to %SRCROOT%.
    const json& abs = results[1]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(abs == json::parse(R"({"uri": "file:///abs/x.yaml"})"));
    CHECK(results[1]["level"] == "warning");
    CHECK(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%3Cstdin%3E");
    CHECK(doc["runs"][0]["tool"]["driver"]["version"] == "9.9.9");
    CHECK(svcorg::diag::uri_reference("a~b_c-d.e/f:g?h") == "a~b_c-d.e/f%3Ag%3Fh");
    // The same findings give the same bytes.
    CHECK(svcorg::diag::render_sarif(items, summary_of(items, 3), "9.9.9") ==
          svcorg::diag::render_sarif(items, summary_of(items, 3), "9.9.9"));
  }

  TEST_CASE("fingerprints leave positions out and count repeats") {
    using svcorg::diag::fingerprints;
    const auto at = [](uint32_t line, std::string msg) {
      return finding("a.yaml", line, 3, Severity::Error, "schema", std::move(msg), "Need", "n1");
    };
    const auto before = fingerprints({at(3, "bad (line 11)"), at(9, "bad (line 11)"), at(12, "other")});
    const auto after = fingerprints({at(4, "bad (line 12)"), at(10, "bad (line 12)"), at(13, "other")});
    REQUIRE(before.size() == 3);
    CHECK(before[0].occurrence == 1);
    CHECK(before[1].occurrence == 2);
    CHECK(before[0].hash64() == before[1].hash64());
    CHECK(before[0].hash128() != before[1].hash128());
    for (size_t i = 0; i < 3; ++i) {
      CHECK(before[i].hash64() == after[i].hash64());
      CHECK(before[i].hash128() == after[i].hash128());
      CHECK(std::regex_match(before[i].hash128(), std::regex("^[0-9a-f]{32}$")));
    }
    CHECK(before[2].hash64() != before[0].hash64());
    // `(at FILE:LINE:COL)` is a position too; the file named is not.
    CHECK(fingerprints({at(1, "dup (at b.yaml:3:1)")})[0].key == fingerprints({at(1, "dup (at b.yaml:7:2)")})[0].key);
    CHECK(fingerprints({at(1, "dup (at b.yaml:3:1)")})[0].key != fingerprints({at(1, "dup (at c.yaml:3:1)")})[0].key);
    // Numbers that are not positions count.
    CHECK(fingerprints({at(1, "held 2 of 3")})[0].key != fingerprints({at(1, "held 1 of 3")})[0].key);
    CHECK(svcorg::diag::fnv1a64("") == 0xcbf29ce484222325ULL);
    CHECK(svcorg::diag::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  }

  // A root finding counts what depends on it (validate.root.dependents): the count may
  // change from run to run, the finding is the same one.
  TEST_CASE("a root finding's fingerprint is that of its own message, whatever depends on it") {
    using svcorg::diag::fingerprints;
    using svcorg::i18n::Message;
    const Diagnostic plain = finding("branches/xinde.yaml", 4, 1, Severity::Error, "header", "lacks `apiVersion`");
    const auto counted = [&](Message dependents) {
      Diagnostic d = plain;
      d.message = Message(svcorg::diag::kDependentsMessage,
                          {{"finding", plain.message}, {"dependents", std::move(dependents)}});
      return d;
    };
    const Diagnostic one =
        counted(Message("validate.root.lists.one", {{"n", 1}, {"records", Message("validate.root.record.plan.one")}}));
    const Diagnostic three = counted(
        Message("validate.root.lists.other", {{"n", 3}, {"records", Message("validate.root.record.plan.other")}}));
    CHECK(svcorg::l10n::render(one.message) ==
          "lacks `apiVersion`; 1 plan lists needs of this file: fix this first; they are not listed separately");
    CHECK(&svcorg::diag::own_message(one) == &one.message.args[0].second.msg[0]);
    CHECK(&svcorg::diag::own_message(plain) == &plain.message);
    const auto key = fingerprints({plain})[0].key;
    CHECK(fingerprints({one})[0].key == key);
    CHECK(fingerprints({three})[0].key == key);
    CHECK(fingerprints({three})[0].hash128() == fingerprints({plain})[0].hash128());
  }

  TEST_CASE("junit: hostile text survives a real XML parser") {
    const std::string hostile = "<b> & \"q\" 'a' 中文\x01\x1b tab\there\nnext\r\xff";
    const std::string cleaned = "<b> & \"q\" 'a' 中文 tab\there\nnext\r\xEF\xBF\xBD";
    std::vector<Diagnostic> items = {finding("a&b <c>.yaml", 4, 9, Severity::Error, "reference", hostile),
                                     finding("a&b <c>.yaml", 5, 1, Severity::Error, "schema", "cut \xE4\xB8"),
                                     finding("a&b <c>.yaml", 6, 2, Severity::Warning, "competency-gap", "低 <2>"),
                                     finding("z.yaml", 1, 1, Severity::Warning, "no-district", "none")};
    const std::vector<std::string> files = {"a&b <c>.yaml", "ok.yaml", "z.yaml"};
    const std::string xml = svcorg::diag::render_junit(items, summary_of(items, files.size()), files);
    const json got = testing::parse_junit(xml);
    REQUIRE_MESSAGE(!got.is_null(), xml);
    CHECK(got["root"] == "testsuites");
    CHECK(got["name"] == "svcorg validate");
    CHECK(got["tests"] == "3");
    CHECK(got["failures"] == "2");
    REQUIRE(got["suites"].size() == 1);
    const json& cases = got["suites"][0]["cases"];
    REQUIRE(cases.size() == 3);
    CHECK(cases[0]["name"] == "a&b <c>.yaml");
    CHECK(cases[0]["classname"] == "svcorg.validate");
    REQUIRE(cases[0]["failures"].size() == 2);
    CHECK(cases[0]["failures"][0]["message"] == cleaned);
    CHECK(cases[0]["failures"][0]["type"] == "reference");
    CHECK(cases[0]["failures"][0]["text"] == "a&b <c>.yaml:4:9: " + cleaned);
    CHECK(cases[0]["failures"][1]["text"] == "a&b <c>.yaml:5:1: cut \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(cases[0]["system_out"] == "a&b <c>.yaml:6:2: warning: 低 <2> [competency-gap]\n");
    CHECK(cases[1]["name"] == "ok.yaml");
    CHECK(cases[1]["failures"].empty());
    CHECK(cases[1]["system_out"].is_null());
    CHECK(cases[2]["failures"].empty());
    CHECK(cases[2]["system_out"] == "z.yaml:1:1: warning: none [no-district]\n");
  }

  TEST_CASE("junit of every rule fixture: one case per file, one failure per error") {
    const auto dirs = fixture_dirs();
    std::vector<svcorg::cmd::Checked> runs;
    std::vector<std::string> documents;
    for (const auto& dir : dirs) {
      runs.push_back(check_in(dir));
      documents.push_back(svcorg::cmd::render_validate("junit", runs.back(), false, false));
    }
    const json parsed = testing::parse_junits(documents);
    REQUIRE(parsed.size() == dirs.size());
    for (size_t i = 0; i < dirs.size(); ++i) {
      CAPTURE(dirs[i].filename().string());
      const auto& checked = runs[i];
      const json& got = parsed[i];
      REQUIRE(!got.is_null());
      const size_t errors = unwaived_errors(checked.findings);
      CHECK(got["tests"] == std::to_string(checked.records.files.size()));
      CHECK(got["failures"] == std::to_string(errors));
      std::vector<std::string> names;
      size_t failures = 0;
      for (const auto& c : got["suites"][0]["cases"]) {
        names.push_back(c["name"].get<std::string>());
        CHECK(c["file"] == c["name"]);  // relative paths stay as they are
        failures += c["failures"].size();
      }
      CHECK(names == checked.records.files);
      CHECK(failures == errors);
    }
  }

  TEST_CASE("github: exact workflow commands with escaping") {
    std::vector<Diagnostic> items = {
        finding("dir/a,b:c%.yaml", 3, 7, Severity::Error, "schema", "50% done\r\nnext: a, b::c"),
        finding("美丽园.yaml", 9, 1, Severity::Warning, "not-certified", "no certificate")};
    const auto s = summary_of(items, 2);
    CHECK(svcorg::diag::render_github(items, s, svcorg::i18n::Lang::En) ==
          "::error file=dir/a%2Cb%3Ac%25.yaml,line=3,col=7,title=schema::50%25 done%0D%0Anext: a, b::c\n"
          "::warning file=美丽园.yaml,line=9,col=1,title=not-certified::no certificate\n"
          "svcorg: 2 files, 0 records: 1 error, 1 warning\n");
    CHECK(svcorg::diag::render_github(items, s, svcorg::i18n::Lang::En, false).find("svcorg: ") == std::string::npos);
    CHECK(svcorg::diag::render_github({}, summary_of({}, 1), svcorg::i18n::Lang::En) ==
          "svcorg: 1 file, 0 records: 0 errors, 0 warnings\n");
  }

  TEST_CASE("gitlab: the documented fields, severities and unique fingerprints") {
    std::set<std::string> prints;
    size_t total = 0;
    for (const auto& dir : fixture_dirs()) {
      CAPTURE(dir.filename().string());
      const auto checked = check_in(dir);
      const json doc = json::parse(svcorg::cmd::render_validate("gitlab", checked, false, false));
      REQUIRE(doc.is_array());
      const auto schema = testing::gitlab_schema_errors(doc);
      CHECK_MESSAGE(schema.empty(), (schema.empty() ? "" : schema.front()));
      std::vector<const Diagnostic*> shown;
      for (const auto& d : checked.findings)
        if (!d.waived) shown.push_back(&d);
      REQUIRE(doc.size() == shown.size());
      for (size_t i = 0; i < doc.size(); ++i) {
        const json& issue = doc[i];
        CHECK(issue["description"] == svcorg::l10n::render(shown[i]->message));
        CHECK(issue["check_name"] == shown[i]->rule);
        CHECK(svcorg::diag::find_rule(issue["check_name"].get<std::string>()) != nullptr);
        CHECK(issue["severity"] == (shown[i]->severity == Severity::Error ? "major" : "minor"));
        CHECK(std::regex_match(issue["fingerprint"].get<std::string>(), std::regex("^[0-9a-f]{32}$")));
        CHECK(issue["location"]["path"] == shown[i]->file);
        CHECK(issue["location"]["lines"]["begin"].is_number_integer());
        CHECK(issue["location"]["lines"]["begin"] == shown[i]->pos.line);
        prints.insert(dir.filename().string() + issue["fingerprint"].get<std::string>());
        ++total;
      }
    }
    CHECK(prints.size() == total);
    // Identical findings on two lines still get two fingerprints.
    const std::vector<Diagnostic> twins = {finding("a.yaml", 2, 1, Severity::Warning, "unlinked-item", "same"),
                                           finding("a.yaml", 8, 1, Severity::Warning, "unlinked-item", "same")};
    const json doc = json::parse(svcorg::diag::render_gitlab(twins));
    CHECK(doc[0]["fingerprint"] != doc[1]["fingerprint"]);
    CHECK(doc[0]["severity"] == "minor");
    CHECK(svcorg::diag::render_gitlab({}) == "[]\n");
  }

  TEST_CASE("waived findings: suppressions in SARIF, left out of junit, github and gitlab") {
    auto waived = finding("b.yaml", 5, 1, Severity::Error, "schema", "waived one");
    waived.waived = true;
    waived.waiver.inline_comment = true;
    waived.waiver.reason = "迁移中 <temp>";
    waived.waiver.at = {"b.yaml", {4, 3}};
    svcorg::cmd::Checked checked;
    checked.records.files = {"b.yaml"};
    checked.findings = {waived, finding("b.yaml", 9, 1, Severity::Warning, "not-certified", "shown")};
    const json sarif = json::parse(svcorg::cmd::render_validate("sarif", checked, false, false));
    CHECK(testing::sarif_schema_errors(sarif).empty());
    const json& results = sarif["runs"][0]["results"];
    REQUIRE(results.size() == 2);
    CHECK(results[0]["suppressions"][0]["kind"] == "inSource");
    CHECK(results[0]["suppressions"][0]["justification"] == "迁移中 <temp>");
    CHECK(results[0]["suppressions"][0]["location"]["physicalLocation"]["region"]["startLine"] == 4);
    CHECK(!results[1].contains("suppressions"));
    const json junit = testing::parse_junit(svcorg::cmd::render_validate("junit", checked, false, false));
    CHECK(junit["failures"] == "0");
    CHECK(junit["suites"][0]["cases"][0]["failures"].empty());
    CHECK(svcorg::cmd::render_validate("github", checked, false, false).find("waived one") == std::string::npos);
    const json gitlab = json::parse(svcorg::cmd::render_validate("gitlab", checked, false, false));
    REQUIRE(gitlab.size() == 1);
    CHECK(gitlab[0]["description"] == "shown");
  }

  TEST_CASE("a failed run: every format says why, none claims a clean result") {
    using svcorg::cmd::render_validate;
    svcorg::cmd::Checked checked;
    checked.records.files = {"a.yaml"};
    checked.findings = {finding("a.yaml", 2, 1, Severity::Warning, "not-certified", "no certificate")};
    svcorg::diag::Report report;
    report.failures = {{"", "no/such: no such file or directory"},
                       {"out/x.sarif", "--output sarif=out/x.sarif: cannot write out/x.sarif: Is a directory"}};
    const std::string why0 =
        "svcorg validate did not complete: no/such: no such file or directory. This report is incomplete: fix that "
        "and run svcorg validate again.";
    const std::string why1 =
        "svcorg validate did not complete: --output sarif=out/x.sarif: cannot write out/x.sarif: Is a directory. "
        "This report is incomplete: fix that and run svcorg validate again.";

    const json sarif = json::parse(render_validate("sarif", checked, false, false, report));
    CHECK(testing::sarif_schema_errors(sarif).empty());
    const json& run = sarif["runs"][0];
    CHECK(run["invocations"] == json::parse(R"([{"executionSuccessful": false, "exitCode": 2,
        "toolExecutionNotifications": [
          {"level": "error", "message": {"text": ")" +
                                            why0 + R"("}, "descriptor": {"id": "run-failed"}},
          {"level": "error", "message": {"text": ")" +
                                            why1 + R"("}, "descriptor": {"id": "run-failed"}}]}])"));
    CHECK(run["results"].size() == 1);  // what was read is still reported
    CHECK(run["properties"]["errors"] == 2);

    const json junit = testing::parse_junit(render_validate("junit", checked, false, false, report));
    REQUIRE(!junit.is_null());
    CHECK(junit["tests"] == "2");
    CHECK(junit["failures"] == "0");
    CHECK(junit["errors"] == "1");
    CHECK(junit["suites"][0]["errors"] == "1");
    const json& cases = junit["suites"][0]["cases"];
    REQUIRE(cases.size() == 2);
    CHECK(cases[0]["name"] == "svcorg validate");
    CHECK(cases[0]["classname"] == "svcorg.validate");
    CHECK(cases[0]["file"].is_null());
    CHECK(cases[0]["errors"] ==
          json::array({{{"message", why0}, {"type", "run-failed"}, {"text", why0 + "\n" + why1 + "\n"}}}));
    CHECK(cases[1]["name"] == "a.yaml");
    CHECK(cases[1]["file"] == "a.yaml");
    CHECK(cases[1]["errors"].empty());

    const json gitlab = json::parse(render_validate("gitlab", checked, false, false, report));
    CHECK(testing::gitlab_schema_errors(gitlab).empty());
    REQUIRE(gitlab.size() == 3);
    CHECK(gitlab[0]["description"] == why0);
    CHECK(gitlab[0]["check_name"] == "run-failed");
    CHECK(gitlab[0]["severity"] == "blocker");
    CHECK(gitlab[0]["location"] == json::parse(R"({"path": ".", "lines": {"begin": 1}})"));
    CHECK(gitlab[1]["location"]["path"] == "out/x.sarif");
    CHECK(gitlab[2]["severity"] == "minor");
    CHECK(std::set<json>{gitlab[0]["fingerprint"], gitlab[1]["fingerprint"], gitlab[2]["fingerprint"]}.size() == 3);

    const std::string summary = "svcorg: 1 file, 0 records: 2 errors, 1 warning; the run did not complete\n";
    CHECK(render_validate("github", checked, false, false, report) ==
          "::error::" + why0 + "\n::error::" + why1 +
              "\n::warning file=a.yaml,line=2,col=1,title=not-certified::no certificate\n" + summary);
    CHECK(render_validate("github", checked, false, true, report) == "::error::" + why0 + "\n::error::" + why1 + "\n");

    const json j = json::parse(render_validate("json", checked, false, false, report));
    CHECK(j["errors"] == 2);
    CHECK(j["warnings"] == 1);
    REQUIRE(j["diagnostics"].size() == 3);
    CHECK(j["diagnostics"][0] == json::parse(R"({"file": null, "line": null, "column": null, "severity": "error",
        "rule": "run-failed", "kind": null, "id": null, "message": ")" +
                                             why0 + R"(", "related": null})"));
    CHECK(j["diagnostics"][1]["file"] == "out/x.sarif");
    CHECK(j["diagnostics"][2]["rule"] == "not-certified");

    const std::string finding_line = "a.yaml:2:1: warning: no certificate [not-certified]\n";
    CHECK(render_validate("text", checked, false, false, report) ==
          finding_line +
              "svcorg: error: no/such: no such file or directory\n"
              "svcorg: error: --output sarif=out/x.sarif: cannot write out/x.sarif: Is a directory\n" +
              summary);
    // On standard output the failures are already on standard error: only counted.
    CHECK(render_validate("text", checked, false, false, report, true) == finding_line + summary);

    // Nothing read at all (a command line refused): still no clean result anywhere.
    const svcorg::diag::Report refused{{{"", "--as-of 2026-02-30 is not a date"}}, {}};
    const svcorg::cmd::Checked none;
    const json empty_sarif = json::parse(render_validate("sarif", none, false, false, refused));
    CHECK(testing::sarif_schema_errors(empty_sarif).empty());
    CHECK(empty_sarif["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    CHECK(json::parse(render_validate("json", none, false, false, refused))["errors"] == 1);
    CHECK(json::parse(render_validate("gitlab", none, false, false, refused)).size() == 1);
    CHECK(testing::parse_junit(render_validate("junit", none, false, false, refused))["errors"] == "1");
    CHECK(render_validate("text", none, false, false, refused, true) ==
          "svcorg: 0 files, 0 records: 1 error, 0 warnings; the run did not complete\n");
  }

  TEST_CASE("paths: relative to the current directory, or to the inputs' common folder") {
    using svcorg::diag::rebase;
    const svcorg::diag::PathBase base{"/work/repo", "/srv/data/"};
    auto check = [&](const std::string& path, const std::string& want, bool under_root, bool absolute) {
      CAPTURE(path);
      const auto got = rebase(path, base);
      CHECK(got.path == want);
      CHECK(got.under_root == under_root);
      CHECK(got.absolute == absolute);
    };
    check("needs/a.yaml", "needs/a.yaml", false, false);
    check("../x.yaml", "../x.yaml", false, false);
    check("/work/repo/needs/a.yaml", "needs/a.yaml", false, false);
    check("/work/repox/a.yaml", "/work/repox/a.yaml", false, true);  // not under /work/repo
    check("/srv/data/美 丽/a.yaml", "美 丽/a.yaml", true, false);
    check("/etc/a.yaml", "/etc/a.yaml", false, true);
    CHECK(rebase("/a/b.yaml", {"/", ""}).path == "a/b.yaml");
    CHECK(svcorg::diag::common_folder({"/a/bc/", "/a/bd/x/"}) == "/a/");
    CHECK(svcorg::diag::common_folder({"/a/b/"}) == "/a/b/");
    CHECK(svcorg::diag::common_folder({"/a/b/", "/a/b/c/"}) == "/a/b/");
    CHECK(svcorg::diag::common_folder({"/x/", "/y/"}) == "/");
    CHECK(svcorg::diag::common_folder({}).empty());

    auto item = finding("/srv/data/美 丽/a.yaml", 3, 2, Severity::Error, "duplicate-id", "twice", "Need", "n1");
    item.has_related = true;
    item.related = {"/work/repo/r.yaml", {1, 1}};
    const std::vector<Diagnostic> items = {item};
    svcorg::diag::Report report;
    report.base = base;
    const json sarif = json::parse(svcorg::diag::render_sarif(items, summary_of(items, 1), "1.0", report));
    check_sarif_run(sarif, items);
    const json& run = sarif["runs"][0];
    CHECK(run["originalUriBaseIds"]["%INPUTROOT%"]["uri"] == "file:///srv/data/");
    CHECK(run["originalUriBaseIds"]["%SRCROOT%"].count("uri") == 0);
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
          json::parse(R"({"uri": "%E7%BE%8E%20%E4%B8%BD/a.yaml", "uriBaseId": "%INPUTROOT%"})"));
    CHECK(run["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"] ==
          json::parse(R"({"uri": "r.yaml", "uriBaseId": "%SRCROOT%"})"));
    const json junit = testing::parse_junit(
        svcorg::diag::render_junit(items, summary_of(items, 1), {"/srv/data/美 丽/a.yaml"}, report));
    CHECK(junit["suites"][0]["cases"][0]["name"] == "/srv/data/美 丽/a.yaml");
    CHECK(junit["suites"][0]["cases"][0]["file"] == "美 丽/a.yaml");
    CHECK(json::parse(svcorg::diag::render_gitlab(items, report))[0]["location"]["path"] == "美 丽/a.yaml");
    // An absolute path no base holds: a file: URI of its own, no undeclared base.
    const json bare = json::parse(svcorg::diag::render_sarif(items, summary_of(items, 1), "1.0"));
    CHECK(bare["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
          json::parse(R"({"uri": "file:///srv/data/%E7%BE%8E%20%E4%B8%BD/a.yaml"})"));
    CHECK(bare["runs"][0]["originalUriBaseIds"].count("%INPUTROOT%") == 0);
  }
}
