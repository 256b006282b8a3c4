// One fixture per rule id (tests/fixtures/rules/<rule>/): its inputs and the exact
// text output expected from `svcorg validate` run inside that folder. One fixture per
// mistake people really make (tests/fixtures/mistakes/<mistake>/, issue 21): a small
// valid district, the broken file, and the one finding that names the cause. Regenerate
// with SVCORG_UPDATE_GOLDEN=1 and review the diff.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "support.hpp"
#include "svcorg/cmd/validate.hpp"
#include "svcorg/util/date.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kRules = testing::kSource / "tests" / "fixtures" / "rules";
const fs::path kMistakes = testing::kSource / "tests" / "fixtures" / "mistakes";
// One folder per mistake that makes a file or record unusable (docs/FORMAT.md, "Root
// causes"): a small district whose other files name what the broken one defines.
const fs::path kCascades = testing::kSource / "tests" / "fixtures" / "cascades";

// Every rule id of SPEC 4.2 that `validate` reports.
const std::vector<std::string> kRuleIds = {
    "yaml-syntax", "duplicate-key", "header", "schema", "duplicate-id", "reference", "district", "no-district",
    "duplicate-plan", "type-field", "need-category", "item-category", "negative-list", "relay-target",
    "declined-reason", "event-order", "status-transition", "status-mismatch", "date-order", "platform-level",
    "future-date", "plan-items", "plan-quality", "unlinked-item", "foreign-need", "required-platform",
    "platform-cadence", "survey-size", "competency-gap", "not-certified", "no-reserve-cadre",
    // svcorg's own rules: waivers (docs/FORMAT.md).
    "waiver", "waiver-expired", "waiver-unused"};

struct Output {
  int code;
  std::string text;
};

// Runs validate in `dir` with the options in its optional `args` file (`year=`, `as_of=`,
// `paths=` the paths given, separated by spaces; default none: the folder);
// `jobs` 0 is the default (one thread per core); in English unless told.
Output validate_in(const fs::path& dir, const std::string& format, unsigned jobs = 0,
                   svcorg::i18n::Lang lang = svcorg::i18n::Lang::En) {
  svcorg::cmd::ValidateOptions o;
  o.common.lang = lang;
  o.format = format;
  o.common.jobs = jobs;
  o.common.color = svcorg::cmd::Color::Never;
  o.common.as_of = "2026-06-30";
  if (fs::exists(dir / "args")) {
    std::istringstream args(testing::read_file(dir / "args"));
    std::string line;
    while (std::getline(args, line)) {
      if (line.rfind("year=", 0) == 0) o.common.year = std::stoi(line.substr(5));
      if (line.rfind("as_of=", 0) == 0) o.common.as_of = line.substr(6);
      if (line.rfind("paths=", 0) == 0) {
        std::istringstream paths(line.substr(6));
        for (std::string p; paths >> p;) o.common.paths.push_back(p);
      }
    }
  }
  std::ostringstream out, err;
  std::istringstream in;
  svcorg::cmd::Io io{out, err, in, false, false, *svcorg::util::Date::parse("2026-06-30")};
  testing::Chdir cd(dir);
  const int code = svcorg::cmd::run_validate(o, io);
  return {code, out.str() + err.str()};
}

}  // namespace

TEST_SUITE("fixtures") {
  TEST_CASE("every rule id has a fixture that fires it") {
    for (const auto& rule : kRuleIds) {
      CAPTURE(rule);
      CHECK(fs::is_regular_file(kRules / rule / "expected.txt"));
    }
  }

  std::vector<fs::path> fixture_dirs(const fs::path& root = kRules) {
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root))
      if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    REQUIRE(!dirs.empty());
    return dirs;
  }

  TEST_CASE("each fixture gives exactly its expected output") {
    for (const auto& dir : fixture_dirs()) {
      const std::string rule = dir.filename().string();
      CAPTURE(rule);
      const Output got = validate_in(dir, "text");
      if (testing::update_golden()) testing::write_file(dir / "expected.txt", got.text);
      const std::string expected = testing::read_file(dir / "expected.txt");
      CHECK(got.text == expected);
      // The fixture really exercises its rule, as a finding of the right severity.
      CHECK(expected.find("[" + rule + "]") != std::string::npos);
      const bool error = expected.find("error: ") != std::string::npos;
      CHECK(got.code == (error ? 1 : 0));
    }
  }

  // The same findings in Chinese (SPEC 8, rev 2): expected.zh-CN.txt beside expected.txt.
  TEST_CASE("each fixture gives exactly its expected output in Chinese") {
    for (const auto& dir : fixture_dirs()) {
      const std::string rule = dir.filename().string();
      CAPTURE(rule);
      const Output got = validate_in(dir, "text", 0, svcorg::i18n::Lang::ZhCN);
      if (testing::update_golden()) testing::write_file(dir / "expected.zh-CN.txt", got.text);
      const std::string expected = testing::read_file(dir / "expected.zh-CN.txt");
      CHECK(got.text == expected);
      CHECK(expected.find("[" + rule + "]") != std::string::npos);
      const bool error = expected.find(": 错误：") != std::string::npos;
      CHECK(got.code == (error ? 1 : 0));
    }
  }

  // Every finding of the rules past conversion (validate/, waive/) reads in Chinese: its
  // message is no English text left outside the catalogue.
  TEST_CASE("the findings of the rules past conversion are in Chinese") {
    const std::set<std::string> parsing = {"yaml-syntax", "duplicate-key", "header", "schema"};
    size_t seen = 0;
    for (const auto& dir : fixture_dirs()) {
      std::istringstream lines(testing::read_file(dir / "expected.zh-CN.txt"));
      std::string line;
      while (std::getline(lines, line)) {
        CAPTURE(line);
        const size_t open = line.rfind(" [");
        const size_t close = line.find(']', open == std::string::npos ? 0 : open);
        if (open == std::string::npos || close == std::string::npos || line.rfind("svcorg", 0) == 0) continue;
        if (parsing.count(line.substr(open + 2, close - open - 2))) continue;
        const size_t colon = line.find("：");
        REQUIRE(colon != std::string::npos);
        const std::string message = line.substr(colon, open - colon);
        ++seen;
        CHECK(message.find("; ") == std::string::npos);
        CHECK(message.find(" the ") == std::string::npos);
      }
    }
    CHECK(seen > 60);
  }

  // A file or record that cannot be used: its own finding counts what depends on it,
  // and nothing that only follows from it is a finding of its own. The independent
  // finding every case has (plans/meiliyuan.yaml:26) is still there.
  TEST_CASE("each cascade fixture gives its root finding and no follow-on finding") {
    for (const auto lang : {svcorg::i18n::Lang::En, svcorg::i18n::Lang::ZhCN}) {
      const std::string name = lang == svcorg::i18n::Lang::En ? "expected.txt" : "expected.zh-CN.txt";
      for (const auto& dir : fixture_dirs(kCascades)) {
        CAPTURE(dir.filename().string());
        CAPTURE(name);
        const Output got = validate_in(dir, "text", 0, lang);
        if (testing::update_golden()) testing::write_file(dir / name, got.text);
        CHECK(got.text == testing::read_file(dir / name));
        CHECK(got.code == 1);
        CHECK(got.text.find("plans/meiliyuan.yaml:26:13: ") != std::string::npos);
      }
    }
  }

  // Two threads run the needs' checks beside the others (validate::run); the findings,
  // in every format that keeps their order, are those of one thread.
  TEST_CASE("each fixture gives the same output with one thread and with two") {
    std::vector<fs::path> dirs = fixture_dirs();
    for (const auto& root : {kCascades, kMistakes})
      for (const auto& dir : fixture_dirs(root)) dirs.push_back(dir);
    for (const auto& dir : dirs) {
      const std::string rule = dir.filename().string();
      CAPTURE(rule);
      for (const char* format : {"text", "json"}) {
        CAPTURE(format);
        const Output one = validate_in(dir, format, 1);
        const Output two = validate_in(dir, format, 2);
        CHECK(one.code == two.code);
        CHECK(one.text == two.text);
        CHECK(!one.text.empty());
      }
    }
  }

  // Each mistake gives its one finding, naming the cause at its place, in both languages,
  // and nothing follows from it in the broken file (at most one finding per file).
  TEST_CASE("each mistake fixture gives exactly its expected output, one finding per broken file") {
    size_t seen = 0;
    for (const auto& dir : fixture_dirs(kMistakes)) {
      const std::string mistake = dir.filename().string();
      CAPTURE(mistake);
      for (const auto lang : {svcorg::i18n::Lang::En, svcorg::i18n::Lang::ZhCN}) {
        const bool en = lang == svcorg::i18n::Lang::En;
        const fs::path file = dir / (en ? "expected.txt" : "expected.zh-CN.txt");
        const Output got = validate_in(dir, "text", 0, lang);
        if (testing::update_golden()) testing::write_file(file, got.text);
        const std::string expected = testing::read_file(file);
        CHECK(got.text == expected);
        CHECK(got.code == 1);
        std::istringstream lines(expected);
        std::set<std::string> files;
        size_t findings = 0;
        for (std::string line; std::getline(lines, line);) {
          if (line.rfind("svcorg", 0) == 0) continue;
          CAPTURE(line);
          ++findings;
          CHECK(files.insert(line.substr(0, line.find(':'))).second);
        }
        CHECK(findings >= 1);
        seen += findings;
      }
    }
    CHECK(seen >= 20);
  }
}
