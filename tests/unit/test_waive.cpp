#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/waive/waive.hpp"

using svcorg::Pos;
using svcorg::diag::Diagnostic;
using svcorg::diag::Severity;
using svcorg::util::Date;
using svcorg::waive::Waiver;

namespace {

Diagnostic finding(const char* file, uint32_t line, const char* rule, const char* id = "b1") {
  Diagnostic d;
  d.file = file;
  d.pos = Pos{line, 1};
  d.severity = Severity::Warning;
  d.rule = rule;
  d.message = std::string("m");
  d.kind = "Branch";
  d.id = id;
  return d;
}

std::vector<Waiver> scan(const std::string& text, std::vector<Diagnostic>& problems) {
  return svcorg::waive::scan_inline("a.yaml", text, problems);
}

}  // namespace

TEST_SUITE("waive::scan_inline") {
  TEST_CASE("a waiver with rules, a quoted reason and a date") {
    std::vector<Diagnostic> problems;
    auto w = scan("a: 1\nb: 2  # svcorg-ignore not-certified,no-reserve-cadre reason=\"考试已报名 x\" until=2026-12-31\n",
                  problems);
    CHECK(problems.empty());
    REQUIRE(w.size() == 1);
    CHECK(w[0].rules == std::vector<std::string>{"not-certified", "no-reserve-cadre"});
    CHECK(w[0].reason == "考试已报名 x");
    CHECK(w[0].until->str() == "2026-12-31");
    CHECK(w[0].line == 2);
    CHECK(w[0].pos == Pos{2, 7});
  }
  TEST_CASE("malformed waivers are errors and waive nothing") {
    const char* bad[] = {"# svcorg-ignore\n", "# svcorg-ignore not-certified\n",
                         "# svcorg-ignore not-certified reason=\"\"\n", "# svcorg-ignore nope reason=x\n",
                         "# svcorg-ignore yaml-syntax reason=x\n", "# svcorg-ignore not-certified reason=x until=2026-02-30\n",
                         "# svcorg-ignore not-certified reason=x who=me\n", "# svcorg-ignore not-certified reason=\"open\n"};
    for (const char* text : bad) {
      CAPTURE(text);
      std::vector<Diagnostic> problems;
      CHECK(scan(text, problems).empty());
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].rule == "waiver");
      CHECK(problems[0].severity == Severity::Error);
      CHECK(problems[0].pos == Pos{1, 1});
    }
  }
  TEST_CASE("the marker must open a comment") {
    std::vector<Diagnostic> problems;
    CHECK(scan("name: a#svcorg-ignore not-certified reason=x\nnote: svcorg-ignore not-certified reason=x\n", problems)
              .empty());
    CHECK(problems.empty());
  }
}

TEST_SUITE("waive::apply") {
  TEST_CASE("an inline waiver covers its own line and the next") {
    std::vector<Diagnostic> problems;
    auto w = scan("x: 1\n# svcorg-ignore not-certified reason=r\ny: 2\nz: 3\n", problems);
    std::vector<Diagnostic> f = {finding("a.yaml", 2, "not-certified"), finding("a.yaml", 3, "not-certified"),
                                 finding("a.yaml", 4, "not-certified"), finding("b.yaml", 3, "not-certified"),
                                 finding("a.yaml", 3, "competency-gap")};
    svcorg::waive::apply(f, w, *Date::parse("2026-06-30"));
    size_t waived = 0;
    for (const auto& d : f) waived += d.waived;
    CHECK(waived == 2);
    CHECK(f.size() == 5);  // nothing dropped, no waiver finding
    for (const auto& d : f)
      if (d.waived) {
        CHECK(d.waiver.reason == "r");
        CHECK(d.waiver.inline_comment);
        CHECK(d.waiver.at.pos == Pos{2, 1});
      }
  }
  TEST_CASE("expired waivers suppress nothing and are findings, unused ones too") {
    std::vector<Diagnostic> problems;
    auto w = scan("# svcorg-ignore not-certified reason=r until=2026-03-31\nb: 1\n# svcorg-ignore competency-gap reason=r\n",
                  problems);
    std::vector<Diagnostic> f = {finding("a.yaml", 2, "not-certified")};
    svcorg::waive::apply(f, w, *Date::parse("2026-06-30"));
    REQUIRE(f.size() == 3);
    CHECK(f[0].rule == "waiver-expired");
    CHECK_FALSE(f[1].waived);
    CHECK(f[2].rule == "waiver-unused");
    CHECK(f[2].pos == Pos{3, 1});
  }
  TEST_CASE("the last day of a waiver still counts") {
    std::vector<Diagnostic> problems;
    auto w = scan("# svcorg-ignore not-certified reason=r until=2026-06-30\nb: 1\n", problems);
    std::vector<Diagnostic> f = {finding("a.yaml", 2, "not-certified")};
    svcorg::waive::apply(f, w, *Date::parse("2026-06-30"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].waived);
  }
  TEST_CASE("District waivers match by record id, kind and rule, anywhere") {
    Waiver w;
    w.inline_comment = false;
    w.file = "district.yaml";
    w.pos = Pos{9, 5};
    w.rules = {"not-certified"};
    w.reason = "r";
    w.record = "b1";
    w.kind = "Branch";
    std::vector<Waiver> ws = {w};
    std::vector<Diagnostic> f = {finding("x.yaml", 40, "not-certified"), finding("x.yaml", 50, "not-certified", "b2")};
    svcorg::waive::apply(f, ws, *Date::parse("2026-06-30"));
    CHECK(f[0].waived);
    CHECK_FALSE(f[1].waived);
  }
  TEST_CASE("waived findings are counted apart and reported, never dropped") {
    std::vector<Diagnostic> f = {finding("a.yaml", 2, "not-certified"), finding("a.yaml", 3, "competency-gap")};
    f[0].waived = true;
    f[0].waiver.reason = "r";
    f[0].waiver.at = {"a.yaml", Pos{1, 1}};
    const auto s = svcorg::diag::summarize(f, 1, 1);
    CHECK(s.warnings == 1);
    CHECK(s.waived == 1);
    const std::string text = svcorg::diag::render_text(f, false, svcorg::i18n::Lang::En);
    CHECK(text.find("waived:\n  a.yaml:2:1: warning: m [not-certified] (waived at a.yaml:1: r)") != std::string::npos);
    CHECK(svcorg::diag::render_summary(s, false, svcorg::i18n::Lang::En) == "svcorg: 1 file, 1 record: 0 errors, 1 warning, 1 waived\n");
    const auto j = nlohmann::json::parse(svcorg::diag::render_json(f, s, svcorg::i18n::Lang::En));
    CHECK(j["warnings"] == 1);
    CHECK(j["suppressed"] == 1);
    CHECK(j["diagnostics"].size() == 1);
    REQUIRE(j["waived"].size() == 1);
    CHECK(j["waived"][0]["waiver"]["reason"] == "r");
    // Without waivers, the SPEC 8 shape is unchanged.
    f[0].waived = false;
    const auto plain = nlohmann::json::parse(svcorg::diag::render_json(f, svcorg::diag::summarize(f, 1, 1), svcorg::i18n::Lang::En));
    CHECK_FALSE(plain.contains("suppressed"));
    CHECK_FALSE(plain.contains("waived"));
  }
}
