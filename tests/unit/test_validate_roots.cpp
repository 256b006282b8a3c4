// Root causes first (docs/FORMAT.md): what an unusable file or document would define
// (load/unusable.cpp) and the findings that only follow from its absence, counted in
// its own finding (validate/dependents.cpp).
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "test_validate_support.hpp"

using namespace vtest;  // the helpers of test_validate_support.hpp
using Strings = std::vector<std::string>;

namespace {

// Loads `files` and validates them into one sink, as the commands do (the root findings
// are the load's), with `threads`; the findings sorted. With `load_findings` false, the
// load's findings are left out and `extra` stands in for them.
std::vector<svcorg::diag::Diagnostic> run(const Files& files, unsigned threads = 1,
                                          const svcorg::diag::Diagnostic* extra = nullptr, bool load_findings = true) {
  svcorg::model::RecordSet set;
  svcorg::diag::Sink sink, loaded;
  for (const auto& [name, text] : files) svcorg::load::load_bytes(name, text, set, load_findings ? sink : loaded);
  if (extra) sink.add(*extra);
  const auto rules = svcorg::rules::effective_rules(nullptr);
  svcorg::validate::run(set, rules, vtest::year_2026(), sink, threads);
  auto out = sink.items();
  svcorg::diag::sort_unique(out);
  return out;
}

Strings where(const std::vector<svcorg::diag::Diagnostic>& found) {
  Strings out;
  for (const auto& d : found)
    out.push_back(d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.rule);
  return out;
}

// The `dependents` part of a root finding's message ("" when it counts none).
std::string dependents(const svcorg::diag::Diagnostic& d, svcorg::i18n::Lang lang = svcorg::i18n::Lang::En) {
  if (d.message.id != svcorg::diag::kDependentsMessage) return "";
  return svcorg::l10n::render(d.message.args.at(1).second.msg.at(0), lang);
}

}  // namespace

TEST_SUITE("validate: root causes") {
  TEST_CASE("a branch its header drops: what names it is counted in the header error") {
    const Files files = with(district(), "branches/meiliyuan.yaml",
                             replace(text_of(district(), "branches/meiliyuan.yaml"), "apiVersion: svcorg/v1\n", ""));
    for (unsigned threads : {1u, 2u}) {
      CAPTURE(threads);
      const auto found = run(files, threads);
      CHECK(where(found) == Strings{"branches/meiliyuan.yaml:1:1 header"});
      REQUIRE(found.size() == 1);
      CHECK(dependents(found[0]) ==
            "1 need names the Branch `meiliyuan` of this file; 2 platforms name the Branch `meiliyuan` of this file; "
            "1 plan names the Branch `meiliyuan` of this file");
      CHECK(dependents(found[0], svcorg::i18n::Lang::ZhCN) ==
            "有1个需求引用了本文件中的党组织 `meiliyuan`；有2个平台引用了本文件中的党组织 `meiliyuan`；"
            "有1个计划引用了本文件中的党组织 `meiliyuan`");
      CHECK(found[0].severity == svcorg::diag::Severity::Error);
    }
    // Validated apart from the load's findings (no root in its sink): reported as before.
    const auto apart = vtest::check(files);
    CHECK(apart.of("reference") ==
          Strings{"needs/mly-001.yaml:4:9 error reference", "plans/meiliyuan-2026.yaml:4:9 error reference",
                  "platforms/meiliyuan.yaml:5:8 error reference", "platforms/meiliyuan.yaml:16:8 error reference"});
  }

  TEST_CASE("a needs file in GBK: the plans and platforms that list its needs are counted") {
    // 老旧小区 in GBK: not UTF-8, so the file is not parsed; its ids are ASCII.
    const Files files =
        with(district(), "needs/mly-001.yaml",
             replace(text_of(district(), "needs/mly-001.yaml"), "老旧小区加装电梯", "\xc0\xcf\xbe\xc9"));
    const auto found = run(files, 2);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "yaml-syntax");
    CHECK(found[0].file == "needs/mly-001.yaml");
    CHECK(dependents(found[0]) == "2 platforms list needs of this file; 1 plan lists needs of this file");
    CHECK(dependents(found[0], svcorg::i18n::Lang::ZhCN) ==
          "有2个平台列出了本文件中的需求；有1个计划列出了本文件中的需求");
  }

  TEST_CASE("the lenient scan: a full-width colon, quotes, comments and several documents") {
    const std::string need = text_of(district(), "needs/mly-001.yaml");
    // The second need defines mly-002 with a full-width colon (`id："mly-002"`, quoted,
    // with a comment): the syntax error it makes (reported at the `：`, 23:3) stops the parse, the scan
    // reads the id; the platform lists it. (Its tab where YAML wants spaces is after the
    // error: the scan reads on through it.)
    const std::string second =
        replace(replace(need, "id: mly-001", "id：\"mly-002\"  # 第二条"), "  - {date: 2026-03-04, status: assessed}",
                "\t- {date: 2026-03-04, status: assessed}");
    Files files = with(district(), "needs/mly-001.yaml", need + "---\n" + second);
    files =
        with(files, "platforms/meiliyuan.yaml",
             replace(text_of(files, "platforms/meiliyuan.yaml"), "needs: [mly-001]}", "needs: [mly-001, mly-002]}"));
    const auto found = run(files);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "yaml-syntax");
    CHECK(found[0].message.args.at(0).second.msg.at(0).id == "yaml.fullwidth-colon");
    CHECK(dependents(found[0]) == "1 platform lists needs of this file");
    // mly-001, converted before the error, is no dependent: nothing names an unknown one.
    const auto typo =
        run(with(files, "plans/meiliyuan-2026.yaml",
                 replace(text_of(files, "plans/meiliyuan-2026.yaml"), "needs: [mly-001], approval: self}\n  - {id: i2",
                         "needs: [mly-01], approval: self}\n  - {id: i2")));
    CHECK(where(typo) == Strings{"needs/mly-001.yaml:23:3 yaml-syntax", "plans/meiliyuan-2026.yaml:9:59 reference"});
  }

  TEST_CASE("an empty branch file: its own finding counts what names it") {
    const Files files = with(district(), "branches/meiliyuan.yaml", "");
    for (unsigned threads : {1u, 2u}) {
      CAPTURE(threads);
      const auto found = run(files, threads);
      REQUIRE(where(found) == Strings{"branches/meiliyuan.yaml:1:1 header"});
      CHECK(svcorg::l10n::render(found[0].message) ==
            "the file is empty; write the record, or delete the file; 1 need names the Branch `meiliyuan` of this "
            "file; 2 platforms name the Branch `meiliyuan` of this file; 1 plan names the Branch `meiliyuan` of this "
            "file: fix this first; they are not listed separately");
    }
    // Without an error of the file, the references are reported as before.
    const auto alone = run(files, 1, nullptr, false);
    CHECK(where(alone) == Strings{"needs/mly-001.yaml:4:9 reference", "plans/meiliyuan-2026.yaml:4:9 reference",
                                  "platforms/meiliyuan.yaml:5:8 reference", "platforms/meiliyuan.yaml:16:8 reference"});
    // A warning is no root: the exit code stays what the errors make it.
    svcorg::diag::Diagnostic empty;
    empty.file = "branches/meiliyuan.yaml";
    empty.pos = {1, 1};
    empty.rule = "header";
    empty.message = svcorg::i18n::Message::verbatim("the file is empty");
    empty.severity = svcorg::diag::Severity::Warning;
    CHECK(where(run(files, 1, &empty, false)).size() == 5);
    // An empty file elsewhere than in `branches/` defines nothing its name could tell.
    svcorg::model::RecordSet set;
    svcorg::diag::Sink sink;
    svcorg::load::load_bytes("needs/empty.yaml", "", set, sink);
    svcorg::load::load_bytes("branches/xinde.yaml", "# 新德\n", set, sink);
    REQUIRE(set.unusable.size() == 1);
    CHECK(set.files.at(set.unusable.front().file) == "branches/xinde.yaml");
    CHECK(set.unusable.front().rule.empty());
    CHECK(set.unusable.front().ids ==
          std::vector<std::pair<svcorg::model::Kind, std::string>>{{svcorg::model::Kind::Branch, "xinde"}});
  }

  TEST_CASE("a District its header drops: no-district is counted in the header error") {
    const Files files = with(district(), "district.yaml",
                             replace(text_of(district(), "district.yaml"), "kind: District\n", "kind: district\n"));
    const auto found = run(files);
    REQUIRE(where(found) == Strings{"district.yaml:2:7 header"});
    CHECK(dependents(found[0]) == "no other file defines the District");
    CHECK(dependents(found[0], svcorg::i18n::Lang::ZhCN) == "其他文件中没有区记录");
  }

  TEST_CASE("a platforms file that does not parse: the branches it names lack no platform apart") {
    const Files files = with(district(), "platforms/meiliyuan.yaml",
                             replace(text_of(district(), "platforms/meiliyuan.yaml"),
                                     "meetings:\n  - {date: 2026-03-01", "meetings:\n\t- {date: 2026-03-01"));
    const auto found = run(files);
    REQUIRE(where(found) == Strings{"platforms/meiliyuan.yaml:10:1 yaml-syntax"});
    CHECK(dependents(found[0]) == "1 branch lacks a required platform that this file may define");
    CHECK(dependents(found[0], svcorg::i18n::Lang::ZhCN) == "有1个党组织缺少的必设平台可能在本文件中");
  }
}
