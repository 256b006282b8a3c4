// The hints for what people really get wrong writing YAML by hand (yaml/hints.hpp), alone
// and as parse_stream reports them: the one finding, at the offending character, in both
// languages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/model/reader.hpp"
#include "svcorg/yaml/hints.hpp"
#include "svcorg/yaml/parse.hpp"

using svcorg::Pos;
using svcorg::i18n::Lang;
using svcorg::yaml::Encoding;
using svcorg::yaml::Node;
using svcorg::yaml::ParseIssue;

namespace {

// The findings of parsing `text` as a record file is (empty files included).
std::vector<ParseIssue> parse(const std::string& text) {
  std::vector<ParseIssue> issues;
  svcorg::yaml::parse_stream(
      text, [](Node&&) {}, issues);
  return issues;
}

Node plain(const std::string& value, Pos pos) {
  Node n;
  n.type = Node::Type::Scalar;
  n.value = value;
  n.pos = pos;
  return n;
}

const char* const kColon =
    "the full-width colon `：` (U+FF1A) is not YAML's `:`; type an ASCII colon followed by a space";
const char* const kComma =
    "the full-width comma `，` (U+FF0C) does not separate YAML list or mapping entries; type an ASCII comma `,`";

}  // namespace

TEST_SUITE("yaml hints") {
  TEST_CASE("a full-width colon after a field name is named where it is, not at the next line") {
    const auto issues = parse("apiVersion: svcorg/v1\nkind: Branch\nmembers：142\nsecretary: {name: 王丽华}\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == "yaml-syntax");
    CHECK(issues[0].pos == Pos{3, 8});
    CHECK(svcorg::l10n::render(issues[0].message) == kColon);
    CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) ==
          "全角冒号 `：`（U+FF1A）不是 YAML 的 `:`；请改用半角（ASCII）冒号，后面加一个空格");
    // On the last line, and in a nested mapping (where libyaml stops on the next line).
    CHECK(parse("kind: Branch\nmembers：142\n").at(0).pos == Pos{2, 8});
    const auto nested = parse("secretary:\n  name：王丽华\n  certified: true\n");
    REQUIRE(nested.size() == 1);
    CHECK(nested[0].pos == Pos{2, 7});
    CHECK(svcorg::l10n::render(nested[0].message) == kColon);
  }

  TEST_CASE("a full-width colon inside text is text") {
    // Valid YAML: no finding at all.
    CHECK(parse("summary: 地址：某路12号\nnote: 备注：无\n").empty());
    // A syntax error next to such text is not blamed on it.
    const auto issues = parse("summary: 地址：某路\nbad: [1, 2\nnext: 3\n");
    REQUIRE(issues.size() == 1);
    CHECK(svcorg::l10n::render(issues[0].message) == "this list (`[`) is never closed; add the closing `]`");
    CHECK(!svcorg::yaml::fullwidth_in_lines("summary: 地址：某路\n- 说明：x\n", 1, 2));
  }

  TEST_CASE("full-width commas, brackets and braces where YAML's syntax is") {
    const auto brace = parse("kind: Branch\nsecretary: ｛name: 王丽华, certified: true｝\n");
    REQUIRE(brace.size() == 1);
    CHECK(brace[0].pos == Pos{2, 12});
    CHECK(svcorg::l10n::render(brace[0].message) ==
          "the full-width bracket `｛` (U+FF5B) is not YAML's `{`; type the ASCII `{`");
    CHECK(svcorg::l10n::render(brace[0].message, Lang::ZhCN) ==
          "全角括号 `｛`（U+FF5B）不是 YAML 的 `{`；请改用半角（ASCII）的 `{`");
    const auto comma = parse("events:\n  - {date: 2026-03-02，status: received}\n");
    REQUIRE(comma.size() == 1);
    CHECK(comma[0].pos == Pos{2, 22});
    CHECK(svcorg::l10n::render(comma[0].message) == kComma);
    CHECK(svcorg::l10n::render(comma[0].message, Lang::ZhCN) ==
          "全角逗号 `，`（U+FF0C）不能分隔 YAML 列表或映射的条目；请改用半角（ASCII）逗号 `,`");
    // In a scalar read as a list, an identifier or an enumerated value.
    auto hint = svcorg::yaml::fullwidth_in_scalar(plain("overall，public-sentiment", {4, 10}));
    REQUIRE(hint);
    CHECK(hint->pos == Pos{4, 17});
    CHECK(svcorg::l10n::render(hint->message) == kComma);
    hint = svcorg::yaml::fullwidth_in_scalar(plain("［overall, public-sentiment］", {4, 9}));
    REQUIRE(hint);
    CHECK(hint->pos == Pos{4, 9});
    CHECK(svcorg::l10n::render(hint->message) ==
          "the full-width bracket `［` (U+FF3B) is not YAML's `[`; type the ASCII `[`");
    hint = svcorg::yaml::fullwidth_in_scalar(plain("[overall, public-sentiment］", {4, 9}));
    REQUIRE(hint);
    CHECK(hint->pos == Pos{4, 35});
    CHECK(svcorg::l10n::render(hint->message) ==
          "the full-width bracket `］` (U+FF3D) is not YAML's `]`; type the ASCII `]`");
    hint = svcorg::yaml::fullwidth_in_scalar(plain("name：王丽华", {3, 12}));
    REQUIRE(hint);
    CHECK(hint->pos == Pos{3, 16});
    CHECK(!svcorg::yaml::fullwidth_in_scalar(plain("老旧小区：加装电梯", {3, 12})));
    Node quoted = plain("a，b", {1, 1});
    quoted.plain = false;
    CHECK(!svcorg::yaml::fullwidth_in_scalar(quoted));
  }

  TEST_CASE("full-width spaces indenting a line stop the document at the first such key") {
    const auto issues = parse("kind: Branch\nsecretary:\n\u3000\u3000name: 王丽华\n\u3000\u3000certified: true\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == "yaml-syntax");
    CHECK(issues[0].pos == Pos{3, 1});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "the full-width space (U+3000) cannot indent YAML; indent with ASCII spaces");
    CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) ==
          "全角空格（U+3000）不能用于 YAML 缩进；请改用半角（ASCII）空格缩进");
    // In text (a value, a block scalar's line), U+3000 is text.
    CHECK(parse("summary: \u3000\u3000居民反映\nnote: |\n  \u3000\u3000第一段\n").empty());
  }

  TEST_CASE("text in GBK/GB18030 or UTF-16 is named as such") {
    // "summary: 垃圾" in GBK, on line 2.
    const std::string gbk = "kind: Need\nsummary: \xC0\xAC\xBB\xF8\n";
    CHECK(svcorg::yaml::guess_encoding(gbk) == Encoding::Gb18030);
    auto issues = parse(gbk);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{2, 10});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "the file seems to be saved in GBK/GB18030 (as Excel and Notepad on Chinese Windows do), not UTF-8; save it "
          "as UTF-8");
    CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) ==
          "文件似乎是以 GBK/GB18030 编码保存的（中文 Windows 上的 Excel 和记事本常这样保存），不是 UTF-8；请把它另存为 "
          "UTF-8 编码");
    // A four-byte GB18030 character (U+00A5 is 81 30 84 36).
    CHECK(svcorg::yaml::guess_encoding("a: \x81\x30\x84\x36\n") == Encoding::Gb18030);
    // Bytes that are neither: the UTF-8 problem as before.
    CHECK(svcorg::yaml::guess_encoding("a: \xFF\n") == Encoding::Unknown);
    issues = parse("a: 1\nb: x\xFF\n");
    REQUIRE(issues.size() == 1);
    CHECK(svcorg::l10n::render(issues[0].message) == "invalid UTF-8 byte 0xff; the file must be UTF-8 text");
    // UTF-16 with either byte-order mark, or without one.
    const std::string le(
        "\xFF\xFE"
        "a\0:\0 \0"
        "1\0\n\0",
        12);
    const std::string be(
        "a\0:\0 \0"
        "1\0\n\0",
        10);
    CHECK(svcorg::yaml::guess_encoding(le) == Encoding::Utf16);
    CHECK(svcorg::yaml::guess_encoding(std::string("\xFE\xFF\0a", 4)) == Encoding::Utf16);
    CHECK(svcorg::yaml::guess_encoding(be) == Encoding::Utf16);
    for (const auto& text : {le, be}) {
      issues = parse(text);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].pos == Pos{1, 1});
      CHECK(svcorg::l10n::render(issues[0].message) == "the file is saved in UTF-16, not UTF-8; save it as UTF-8");
      CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) ==
            "文件是以 UTF-16 编码保存的，不是 UTF-8；请把它另存为 UTF-8 编码");
    }
  }

  TEST_CASE("a CSV or TSV table is named as such") {
    CHECK(svcorg::yaml::looks_like_table("编号,党组织,类别\nmly-1,meiliyuan,housing\n"));
    CHECK(svcorg::yaml::looks_like_table("\xEF\xBB\xBF编号\t党组织\r\n"));
    CHECK(!svcorg::yaml::looks_like_table("summary: 一, 二, 三\n"));
    CHECK(!svcorg::yaml::looks_like_table("[a, b, c]\n"));
    CHECK(!svcorg::yaml::looks_like_table("- a, b, c\n"));
    // A table libyaml cannot read (a quoted cell then more cells).
    const auto issues = parse("\"编号\",\"党组织\",\"类别\"\n\"mly-1\",\"meiliyuan\",\"housing\"\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{1, 1});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "the file looks like a CSV/TSV table (a spreadsheet export), not YAML records; to bring its rows in, write "
          "each row as a record of `key: value` lines starting with `apiVersion: svcorg/v1` (`svcorg schema` lists "
          "the kinds, `svcorg schema need` the fields of a need), or leave the file out of the inputs");
    CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) ==
          "文件看起来是 CSV/TSV 表格（电子表格导出的文件），不是 YAML 记录；要导入其中的数据，请把每一行写成一条记录："
          "以 `apiVersion: svcorg/v1` 开头，一行一个 `key: value`（`svcorg schema` 列出记录的种类，"
          "`svcorg schema need` 列出需求的字段），或者不要把这个文件作为输入");
    // One libyaml reads as a scalar: converting it says so (model/), the scalar at 1:1 tells.
    CHECK(svcorg::yaml::scalar_looks_like_table(plain("编号,党组织,类别 mly-1,meiliyuan,housing", {1, 1})));
    CHECK(!svcorg::yaml::scalar_looks_like_table(plain("编号,党组织,类别", {3, 1})));
  }

  TEST_CASE("an empty file is a header finding at line 1, column 1, which parse_all does not ask for") {
    for (const std::string text : {"", "\xEF\xBB\xBF", "\n  \n# 待补\n", "---\n# 只有注释\n...\n"}) {
      CAPTURE(text);
      const auto issues = parse(text);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].rule == "header");
      CHECK(issues[0].pos == Pos{1, 1});
      CHECK(svcorg::l10n::render(issues[0].message) == "the file is empty; write the record, or delete the file");
      CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) == "文件是空的；请写入记录，或删除这个文件");
      std::vector<ParseIssue> none;
      CHECK(svcorg::yaml::parse_all(text, none).empty());
      CHECK(none.empty());
    }
    // A null document is no empty file (nothing to say, as before); a record is not either.
    CHECK(parse("~\n").empty());
    CHECK(parse("a: 1\n").empty());
  }

  TEST_CASE("a multi-line flow collection closed further on lacks a comma, where the entry before ends") {
    auto issues = parse("kind: Branch\nsecretary: {name: 王丽华\n  certified: true}\nmembers: 3\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{2, 22});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "a comma is missing here between two entries of this mapping (`{` at line 2, column 12); add `,`");
    CHECK(svcorg::l10n::render(issues[0].message, Lang::ZhCN) ==
          "这里缺少逗号：这个映射（第2行第12列的 `{`）的两个条目之间要用 `,` 分隔；请补上 `,`");
    // A list of quoted items, a comment after the entry.
    issues = parse("impact: [\"overall\"  # 全局\n  \"public-sentiment\"]\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{1, 19});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "a comma is missing here between two entries of this list (`[` at line 1, column 9); add `,`");
    // Never closed: as before.
    issues = parse("secretary: {name: 王丽华\n  certified: true\nmembers: 3\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{1, 12});
    CHECK(svcorg::l10n::render(issues[0].message) == "this mapping (`{`) is never closed; add the closing `}`");
    // flow_close skips quotes, comments and nested collections.
    const std::string text = "{a: \"}\", b: [1, {c: 2}] # }\n}";
    CHECK(svcorg::yaml::flow_close(text, 0) == text.size() - 1);
    CHECK(!svcorg::yaml::flow_close("{a: [1, 2}\n", 0));
    CHECK(!svcorg::yaml::flow_close("{a: 1\n---\n}\n", 0));
  }

  // A date written otherwise than YYYY-MM-DD (model/reader.cpp): the date it most likely
  // means, only when it names one.
  TEST_CASE("a date in another form: the calendar date it most likely means") {
    using svcorg::model::likely_date;
    for (const char* text :
         {"20250218", "2025/2/18", "2025.02.18", "2025-2-18", "2025年2月18日", "2025年2月18号", "2025年2月18"}) {
      CAPTURE(text);
      const auto d = likely_date(text);
      REQUIRE(d);
      CHECK(d->str() == "2025-02-18");
    }
    for (const char* text : {"2025/2/30", "20250230", "2025/2-18", "25/2/18", "2025/123/1", "2025年2月",
                             "二〇二五年二月十八日", "2025-02-18T10:00", "218"}) {
      CAPTURE(text);
      CHECK(!likely_date(text));
    }
  }
}
