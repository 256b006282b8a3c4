#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
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
  d.message = svcorg::i18n::Message::verbatim("m");
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
    auto w =
        scan("a: 1\nb: 2  # svcorg-ignore not-certified,no-reserve-cadre reason=\"考试已报名 x\" until=2026-12-31\n",
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
    // Each waiver, and its message in English and in Chinese.
    struct Bad {
      const char *text, *en, *zh;
    };
    const Bad bad[] = {
        {"# svcorg-ignore\n", "a waiver names the rule it waives: `# svcorg-ignore RULE reason=\"…\"`",
         "豁免声明要写明所豁免的规则：`# svcorg-ignore RULE reason=\"…\"`"},
        {"# svcorg-ignore not-certified\n", "a waiver needs a reason someone answers for: add reason=\"…\"",
         "豁免声明需要写明有人为之负责的理由：请加上 reason=\"…\""},
        {"# svcorg-ignore not-certified reason=\"\"\n", "a waiver needs a reason someone answers for: add reason=\"…\"",
         "豁免声明需要写明有人为之负责的理由：请加上 reason=\"…\""},
        {"# svcorg-ignore nope reason=x\n", "unknown rule `nope`", "没有 `nope` 这条规则"},
        {"# svcorg-ignore not-certifed reason=x\n", "unknown rule `not-certifed`; did you mean `not-certified`?",
         "没有 `not-certifed` 这条规则；是不是要写 `not-certified`？"},
        {"# svcorg-ignore yaml-syntax reason=x\n", "`yaml-syntax` cannot be waived: the file itself must be fixed",
         "`yaml-syntax` 不能豁免：必须修改文件本身"},
        {"# svcorg-ignore not-certified reason=x until=2026-02-30\n",
         "until=2026-02-30 is not a date; write until=YYYY-MM-DD",
         "until=2026-02-30 不是日期；请写成 until=YYYY-MM-DD"},
        {"# svcorg-ignore not-certified reason=x who=me\n",
         "unknown waiver field `who`; use reason=\"…\" and until=YYYY-MM-DD",
         "豁免声明不认识 `who` 这一项；请使用 reason=\"…\" 和 until=YYYY-MM-DD"},
        {"# svcorg-ignore not-certified reason=x soon\n",
         "`soon` is not `key=value`; use reason=\"…\" and until=YYYY-MM-DD",
         "`soon` 不是 `key=value` 的形式；请使用 reason=\"…\" 和 until=YYYY-MM-DD"},
        {"# svcorg-ignore not-certified reason=\"open\n",
         "the waiver's quoted value is never closed; add the closing `\"`",
         "豁免声明中带引号的值没有闭合；请补上结尾的 `\"`"}};
    for (const Bad& b : bad) {
      CAPTURE(b.text);
      std::vector<Diagnostic> problems;
      CHECK(scan(b.text, problems).empty());
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].rule == "waiver");
      CHECK(problems[0].severity == Severity::Error);
      CHECK(problems[0].pos == Pos{1, 1});
      CHECK(svcorg::l10n::render(problems[0].message) == b.en);
      CHECK(svcorg::l10n::render(problems[0].message, svcorg::i18n::Lang::ZhCN) == b.zh);
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
    auto w =
        scan("# svcorg-ignore not-certified reason=r until=2026-03-31\nb: 1\n# svcorg-ignore competency-gap reason=r\n",
             problems);
    std::vector<Diagnostic> f = {finding("a.yaml", 2, "not-certified")};
    svcorg::waive::apply(f, w, *Date::parse("2026-06-30"));
    REQUIRE(f.size() == 3);
    CHECK(f[0].rule == "waiver-expired");
    CHECK(svcorg::l10n::render(f[0].message) ==
          "this waiver of `not-certified` expired on 2026-03-31; fix what it waived, or renew it with a new until= and "
          "reason");
    CHECK(svcorg::l10n::render(f[0].message, svcorg::i18n::Lang::ZhCN) ==
          "这条对 `not-certified` 的豁免已于2026年3月31日到期；请修正它所豁免的问题，或写上新的 until= 和 reason 续期");
    CHECK_FALSE(f[1].waived);
    CHECK(f[2].rule == "waiver-unused");
    CHECK(f[2].pos == Pos{3, 1});
    CHECK(svcorg::l10n::render(f[2].message) ==
          "this waiver of `competency-gap` matches no finding on its line or the next; remove it");
    CHECK(svcorg::l10n::render(f[2].message, svcorg::i18n::Lang::ZhCN) ==
          "这条对 `competency-gap` 的豁免在本行和下一行都没有对应的问题；请删除它");
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
    CHECK(svcorg::diag::render_summary(s, false, svcorg::i18n::Lang::En) ==
          "svcorg: 1 file, 1 record: 0 errors, 1 warning, 1 waived\n");
    const auto j = nlohmann::json::parse(svcorg::diag::render_json(f, s, svcorg::i18n::Lang::En));
    CHECK(j["warnings"] == 1);
    CHECK(j["suppressed"] == 1);
    CHECK(j["diagnostics"].size() == 1);
    REQUIRE(j["waived"].size() == 1);
    CHECK(j["waived"][0]["waiver"]["reason"] == "r");
    // Without waivers, the SPEC 8 shape is unchanged.
    f[0].waived = false;
    const auto plain =
        nlohmann::json::parse(svcorg::diag::render_json(f, svcorg::diag::summarize(f, 1, 1), svcorg::i18n::Lang::En));
    CHECK_FALSE(plain.contains("suppressed"));
    CHECK_FALSE(plain.contains("waived"));
  }
}
