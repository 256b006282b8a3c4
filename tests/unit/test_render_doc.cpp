// render::doc: a catalogue message as runs, lists joined, and the one document of a report
// written as Markdown and as HTML.
#include <doctest/doctest.h>

#include "svcorg/render/doc.hpp"
#include "svcorg/render/markdown.hpp"

namespace doc = svcorg::render::doc;
namespace md = svcorg::render::md;
using svcorg::i18n::Lang;
using svcorg::render::Labels;

TEST_SUITE("render doc") {
  TEST_CASE("say: the message's words as text runs, each argument's runs where its placeholder is") {
    const Labels en(Lang::En);
    const auto runs =
        doc::say(en, "report.and-more", {{"count", {doc::verbatim("12")}}, {"option", {doc::code("--detail")}}});
    std::string shown;
    for (const auto& r : runs)
      shown += std::to_string(static_cast<int>(r.kind)) + (r.inner ? "+" : "") + "[" + r.text + "]";
    // Text 0, Verbatim 1, Code 2; `+`: continuing text.
    CHECK(shown == "0[… and ]1[12]0+[ more (all of them with ]2[--detail]0+[).]");
    const auto zh = doc::say(Labels(Lang::ZhCN), "report.and-more",
                             {{"count", {doc::verbatim("12")}}, {"option", {doc::code("--detail")}}});
    REQUIRE(zh.size() == 5);
    CHECK(zh[2].text == "项（加 ");
  }

  TEST_CASE("join: the language's list separator between items, as continuing text") {
    const auto en = doc::join({{doc::text("a")}, {doc::text("b")}, {doc::text("c")}}, Labels(Lang::En));
    REQUIRE(en.size() == 5);
    CHECK(en[1].text == ", ");
    CHECK(en[1].inner);
    const auto zh = doc::join({{doc::text("甲")}, {doc::text("乙")}}, Labels(Lang::ZhCN));
    REQUIRE(zh.size() == 3);
    CHECK(zh[1].text == "、");
  }

  TEST_CASE("md::escape_inner: the same escapes as escape(), without the start-of-line rules") {
    CHECK(md::escape_inner(" days overdue (") == " days overdue \\(");
    CHECK(md::escape_inner("- 1. x") == "- 1. x");
    CHECK(md::escape("- 1. x") == "\\- 1. x");
    CHECK(md::escape_inner("a@b <i>\n") == "a\u2060@b \\<i\\> ");
  }
}
