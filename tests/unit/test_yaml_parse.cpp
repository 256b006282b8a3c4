#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "support.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/yaml/libyaml_words.hpp"
#include "svcorg/yaml/parse.hpp"
#include "svcorg/yaml/tree.hpp"

using svcorg::Pos;
using svcorg::yaml::Node;
using svcorg::yaml::parse_all;
using svcorg::yaml::ParseIssue;

TEST_SUITE("yaml::parse_stream") {
  TEST_CASE("positions are 1-based lines and code-point columns") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 1\nname: {first: 张三, last: 李四}\n", issues);
    REQUIRE(issues.empty());
    REQUIRE(docs.size() == 1);
    const Node& root = docs[0];
    CHECK(root.first_key_pos() == Pos{1, 1});
    const Node* name = root.find("name");
    REQUIRE(name);
    CHECK(name->pos == Pos{2, 7});
    // `last` follows two CJK characters: columns count characters, not bytes.
    CHECK(name->entries[1].first.pos == Pos{2, 19});
    CHECK(name->entries[1].second.value == "李四");
  }

  TEST_CASE("a BOM and CRLF line ends are accepted") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all(
        "\xEF\xBB\xBF"
        "a: 1\r\nb: x\r\n",
        issues);
    REQUIRE(issues.empty());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("b")->value == "x");
    CHECK(docs[0].find("b")->pos == Pos{2, 4});
  }

  TEST_CASE("multi-document streams, empty documents are ignored") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n", issues);
    CHECK(issues.empty());
    REQUIRE(docs.size() == 2);
    CHECK(docs[1].first_key_pos() == Pos{7, 1});
  }

  TEST_CASE("scalar style: plain versus quoted, explicit tags") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 12\nb: \"12\"\nc: '12'\nd: !!str 12\ne: !custom x\n", issues);
    REQUIRE(docs.size() == 1);
    const Node& r = docs[0];
    CHECK(r.find("a")->plain);
    CHECK_FALSE(r.find("b")->plain);
    CHECK_FALSE(r.find("c")->plain);
    CHECK(r.find("d")->tag == "!!str");
    CHECK(r.find("e")->tag == "!custom");
    CHECK(svcorg::yaml::resolve(*r.find("a")) == svcorg::yaml::ScalarKind::Int);
    CHECK(svcorg::yaml::resolve(*r.find("b")) == svcorg::yaml::ScalarKind::String);
  }

  TEST_CASE("duplicate keys are reported at the later key, related to the first") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 1\nb: 2\na: 3\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == "duplicate-key");
    CHECK(issues[0].pos == Pos{3, 1});
    CHECK(issues[0].related == Pos{1, 1});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("a")->value == "1");  // the first is kept
  }

  TEST_CASE("duplicate keys in a large mapping") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": 1\n";
    text += "k42: 2\n";
    std::vector<ParseIssue> issues;
    parse_all(text, issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{101, 1});
    CHECK(issues[0].related == Pos{43, 1});
  }

  TEST_CASE("invalid UTF-8 and NUL bytes are yaml-syntax errors at their line") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 1\nb: x\xff\n", issues);
    CHECK(docs.empty());
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == "yaml-syntax");
    CHECK(issues[0].pos == Pos{2, 5});
    CHECK(svcorg::l10n::render(issues[0].message).find("0xff") != std::string::npos);

    issues.clear();
    parse_all(std::string("a: 1\nb: \0\n", 10), issues);
    REQUIRE(issues.size() == 1);
    CHECK(svcorg::l10n::render(issues[0].message).find("NUL") != std::string::npos);
  }

  TEST_CASE("an unclosed quote at the end of the input is an error") {
    for (const char* text : {"a: 'abc\n", "a: \"abc\n", "a: 1\nb: \"x\\\"\n"}) {
      CAPTURE(text);
      std::vector<ParseIssue> issues;
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].rule == "yaml-syntax");
      CHECK(svcorg::l10n::render(issues[0].message).find("never closed") != std::string::npos);
    }
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 'it''s'\nb: \"q\\\"q\"\n", issues);
    CHECK(issues.empty());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("a")->value == "it's");
  }

  TEST_CASE("syntax errors stop the stream, earlier documents are delivered") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 1\n---\nb: [1,\n", issues);
    CHECK(docs.size() == 1);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == "yaml-syntax");
    CHECK(issues[0].pos.line >= 3);
  }

  TEST_CASE("aliases are expanded, within a bound") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: &x [1, 2]\nb: *x\n", issues);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("b")->items.size() == 2);
    CHECK(docs[0].find("b")->pos == Pos{2, 4});

    std::string bomb = "a: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
      bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int k = 0; k < 10; ++k) bomb += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
      bomb += "]\n";
    }
    issues.clear();
    docs = parse_all(bomb, issues);
    REQUIRE(issues.size() == 1);
    CHECK(svcorg::l10n::render(issues[0].message).find("alias") != std::string::npos);
  }

  TEST_CASE("libyaml's marks: columns and the line offset") {
    // Columns count characters after CJK text and on CRLF lines; line_offset shifts lines.
    std::vector<ParseIssue> issues;
    std::vector<Node> docs;
    svcorg::yaml::parse_stream(
        "名称: 张三\r\n备注: [甲, 乙]\r\n", [&](Node&& n) { docs.push_back(std::move(n)); }, issues, {}, 10);
    REQUIRE(issues.empty());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("名称")->pos == Pos{11, 5});
    CHECK(docs[0].find("备注")->items[1].pos == Pos{12, 9});
    issues.clear();
    svcorg::yaml::parse_stream(
        "a: 1\nb: [1,\n", [](Node&&) {}, issues, {}, 10);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{12, 4});
  }

  TEST_CASE("an empty value sits right after its colon, on the key's line") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a:\nb: 1\n", issues);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("a")->is_null());
    CHECK(docs[0].find("a")->pos == Pos{1, 3});
  }

  TEST_CASE("null scalars, tags and the non-specific tag") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: ~\nb: NULL\nc: 'null'\nd: !!null ~\ne: ! 12\nf: !!int 3\n", issues);
    REQUIRE(docs.size() == 1);
    const Node& r = docs[0];
    CHECK(r.find("a")->is_null());
    CHECK(r.find("b")->is_null());
    CHECK(r.find("c")->is_scalar());
    CHECK(r.find("d")->is_scalar());
    CHECK(r.find("d")->tag == "tag:yaml.org,2002:null");
    CHECK(r.find("e")->tag.empty());
    CHECK_FALSE(r.find("e")->plain);
    CHECK(r.find("f")->tag == "tag:yaml.org,2002:int");
  }

  TEST_CASE("%YAML 1.2 and 1.1 directives are accepted") {
    for (const char* text : {"%YAML 1.2\n---\na: 1\n", "%YAML 1.1\n---\na: 1\n"}) {
      CAPTURE(text);
      std::vector<ParseIssue> issues;
      auto docs = parse_all(text, issues);
      CHECK(issues.empty());
      REQUIRE(docs.size() == 1);
      CHECK(docs[0].find("a")->pos == Pos{3, 4});
    }
  }

  TEST_CASE("syntax errors: libyaml's problem and context, at the mistake") {
    std::vector<ParseIssue> issues;
    parse_all("a:\n  b: 1\n c: 2\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{3, 2});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "invalid YAML: did not find expected key (while parsing a block mapping that starts at line 1, column 1)");

    issues.clear();
    parse_all("a: b: c\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{1, 5});
    CHECK(svcorg::l10n::render(issues[0].message) == "invalid YAML: mapping values are not allowed in this context");

    // An unclosed `[` or `{` points at itself, also when the next line follows.
    for (const char* text : {"x: 1\ny: [1, 2\n", "x: 1\ny: [1, 2\nz: 3\n", "x: 1\ny: {a: 1\n"}) {
      CAPTURE(text);
      issues.clear();
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].pos == Pos{2, 4});
      CHECK(svcorg::l10n::render(issues[0].message).find("is never closed") != std::string::npos);
    }
    // A wrong closing bracket on the same line points at the bracket.
    issues.clear();
    parse_all("a: [1, 2}\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{1, 9});

    // An error at the very end of the input: at the end of the last line.
    issues.clear();
    parse_all("a: 1\nb: !<x\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{2, 7});

    // An unclosed quote points at the opening quote.
    issues.clear();
    parse_all("a: 1\nb: 'x\n\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{2, 4});
    CHECK(svcorg::l10n::render(issues[0].message).find("add the closing `'`") != std::string::npos);
  }

  TEST_CASE("an alias needs an anchor defined before it, outside itself") {
    for (const char* text : {"a: *x\n", "a: *x\nb: &x 1\n", "a: &r [1, *r]\n", "---\na: &x 1\n---\nb: *x\n"}) {
      CAPTURE(text);
      std::vector<ParseIssue> issues;
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].rule == "yaml-syntax");
      CHECK(svcorg::l10n::render(issues[0].message).find("alias `*") != std::string::npos);
    }
  }

  TEST_CASE("control characters and YAML 1.1 line breaks are refused at the character") {
    for (const char* text : {"a: 1\nb: x\x01y\n", "a: 1\nb: x\x7fy\n", "a: 1\nb: x\xc2\x85y\n",
                             "a: 1\nb: x\xe2\x80\xa8y\n", "a: 1\nb: \"x\xe2\x80\xa9y\"\n"}) {
      CAPTURE(text);
      std::vector<ParseIssue> issues;
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].rule == "yaml-syntax");
      CHECK(issues[0].pos.line == 2);
      CHECK(issues[0].pos.col >= 5);
    }
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: \"x\\u2028y\"\nb: \"“中文”\"\n", issues);
    CHECK(issues.empty());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("a")->value == "x\xe2\x80\xa8y");
  }

  TEST_CASE("nesting deeper than yaml-cpp allowed is fine up to max_depth") {
    const std::string text = std::string(900, '[') + std::string(900, ']') + "\n";
    std::vector<ParseIssue> issues;
    auto docs = parse_all(text, issues);
    CHECK(issues.empty());
    CHECK(docs.size() == 1);
    issues.clear();
    parse_all(std::string(1001, '[') + std::string(1001, ']') + "\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(svcorg::l10n::render(issues[0].message).find("more than 1000 levels deep") != std::string::npos);
    CHECK(issues[0].pos == Pos{1, 1001});
  }

  TEST_CASE("libyaml's limits on anchor names and tabs get messages that say what to do") {
    std::vector<ParseIssue> issues;
    parse_all("a: 1\nname: &何静 x\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{2, 7});
    CHECK(svcorg::l10n::render(issues[0].message).find("an anchor name (after `&`) may use only ASCII letters") !=
          std::string::npos);
    issues.clear();
    parse_all("a:\n  - \t{x: 1}\n", issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{2, 5});
    CHECK(svcorg::l10n::render(issues[0].message) == "invalid YAML: a tab cannot separate or indent here; use spaces");
    // Anchors of ASCII names work as before.
    issues.clear();
    auto docs = parse_all("a: &my-anchor_1 x\nb: *my-anchor_1\n", issues);
    CHECK(issues.empty());
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].find("b")->value == "x");
  }

  TEST_CASE("findings read in Chinese too, libyaml's own words translated") {
    using svcorg::i18n::Lang;
    auto zh = [](const std::string& text) {
      std::vector<ParseIssue> issues;
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      return svcorg::l10n::render(issues[0].message, Lang::ZhCN);
    };
    CHECK(zh("a: 1\nb: 2\na: 3\n") == "这个映射里的键 `a` 出现了两次（第一次在第1行）；请只保留一个");
    CHECK(zh("a: [1, 2\nb: 3\n") == "这个列表（`[`）没有闭合；请补上 `]`");
    CHECK(zh("a: {x: 1\n") == "这个映射（`{`）没有闭合；请补上 `}`");
    CHECK(zh("a: \"x\n") == "这个用引号括起的值没有结束的引号；请在文件结束前补上 `\"`");
    CHECK(zh("a: \xff\n") == "无效的 UTF-8 字节 0xff；文件必须是 UTF-8 编码的文本");
    CHECK(zh("a:\n  - \t{x: 1}\n") == "YAML 格式有误：这里不能用制表符（Tab）分隔或缩进；请改用空格");
    CHECK(zh("a: *nowhere\n") ==
          "YAML 格式有误：别名 `*nowhere` 所引用的锚点 `&nowhere` 在本文档中没有在它之前定义；请先定义锚点，"
          "或直接写出这个值");
    CHECK(zh("a: b: c\n") == "YAML 格式有误：这里不能出现 `key: value` 的 `:`（冒号后有空格的文本要加引号）");
    CHECK(zh("a:\n  b: 1\n c: 2\n") ==
          "YAML 格式有误：这里应是一个键（`key:`），缩进可能不对（位于从第1行第1列开始的映射中）");
    CHECK(zh("a: 1\nname: &何静 x\n") ==
          "YAML 格式有误：锚点名（`&` 之后的名字）只能由 ASCII 字母、数字、`-` 和 `_` 组成；请改名，或者，"
          "如果 `&` 本是文本的一部分，就给这个值加上引号");
  }

  TEST_CASE("a lone `,` (which made yaml-cpp loop forever) is a syntax error") {
    for (const char* text : {",\n", ",# comment\na: 1\n"}) {
      CAPTURE(text);
      std::vector<ParseIssue> issues;
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].rule == "yaml-syntax");
      CHECK(issues[0].pos == Pos{1, 1});
    }
  }
}

TEST_SUITE("yaml::tree") {
  using svcorg::yaml::ScalarKind;

  Node plain_scalar(const std::string& text) {
    Node n;
    n.type = Node::Type::Scalar;
    n.value = text;
    return n;
  }

  TEST_CASE("plain scalars resolve under the YAML 1.2 core schema") {
    // Every length the null and boolean forms have, and their near misses.
    const std::pair<const char*, ScalarKind> cases[] = {
        {"", ScalarKind::Null},       {"~", ScalarKind::Null},       {"null", ScalarKind::Null},
        {"Null", ScalarKind::Null},   {"NULL", ScalarKind::Null},    {"nULL", ScalarKind::String},
        {"nul", ScalarKind::String},  {"nulls", ScalarKind::String}, {"~~", ScalarKind::String},
        {"true", ScalarKind::Bool},   {"True", ScalarKind::Bool},    {"TRUE", ScalarKind::Bool},
        {"false", ScalarKind::Bool},  {"False", ScalarKind::Bool},   {"FALSE", ScalarKind::Bool},
        {"tRUE", ScalarKind::String}, {"yes", ScalarKind::String},   {"falsey", ScalarKind::String},
        {"x", ScalarKind::String},    {"7", ScalarKind::Int},        {"-12", ScalarKind::Int},
        {"0x1F", ScalarKind::Int},    {"0o17", ScalarKind::Int},     {"1.5", ScalarKind::Float},
        {".5", ScalarKind::Float},    {"1e3", ScalarKind::Float},    {"-.inf", ScalarKind::Float},
        {".nan", ScalarKind::Float},  {"1.2.3", ScalarKind::String}, {"2025-01-01", ScalarKind::String},
        {"张三", ScalarKind::String},
    };
    for (const auto& c : cases) {  // not a structured binding: clang 14 cannot capture one
      CAPTURE(c.first);
      CHECK(svcorg::yaml::resolve(plain_scalar(c.first)) == c.second);
    }
    // Digits past 64 characters are a text, not a number.
    CHECK(svcorg::yaml::resolve(plain_scalar(std::string(64, '1'))) == ScalarKind::Int);
    CHECK(svcorg::yaml::resolve(plain_scalar(std::string(65, '1'))) == ScalarKind::String);
    // Quoted or tagged scalars are texts whatever they read; a null node is null.
    Node quoted = plain_scalar("null");
    quoted.plain = false;
    CHECK(svcorg::yaml::resolve(quoted) == ScalarKind::String);
    CHECK(svcorg::yaml::resolve(Node{}) == ScalarKind::Null);
  }

  TEST_CASE("describe names a value's kind in the message's language") {
    using svcorg::i18n::Lang;
    using svcorg::yaml::describe;
    CHECK(svcorg::l10n::render(describe(plain_scalar("12"))) == "the integer `12`");
    CHECK(svcorg::l10n::render(describe(plain_scalar("12")), Lang::ZhCN) == "整数 `12`");
    CHECK(svcorg::l10n::render(describe(plain_scalar("1.5")), Lang::ZhCN) == "数值 `1.5`");
    CHECK(svcorg::l10n::render(describe(plain_scalar("true")), Lang::ZhCN) == "布尔值 `true`");
    CHECK(svcorg::l10n::render(describe(plain_scalar("是")), Lang::ZhCN) == "文本 `是`");
    Node quoted = plain_scalar("186");
    quoted.plain = false;
    CHECK(svcorg::l10n::render(describe(quoted)) == "the quoted text \"186\"");
    CHECK(svcorg::l10n::render(describe(quoted), Lang::ZhCN) == "带引号的文本 \"186\"");
    CHECK(svcorg::l10n::render(describe(Node{}), Lang::ZhCN) == "空值（null）");
    Node list;
    list.type = Node::Type::Seq;
    CHECK(svcorg::l10n::render(describe(list), Lang::ZhCN) == "列表");
    // A long value is cut short.
    CHECK(svcorg::l10n::render(describe(plain_scalar(std::string(50, 'x')))) ==
          "the text `" + std::string(37, 'x') + "...`");
  }

  TEST_CASE("find looks keys up by their text, and x- keys are extensions") {
    std::vector<ParseIssue> issues;
    auto docs = parse_all("a: 1\nsatisfaction_public_long_key: 2\nx-note: 3\nx: 4\n", issues);
    REQUIRE(docs.size() == 1);
    const Node& r = docs[0];
    REQUIRE(r.find("satisfaction_public_long_key"));
    CHECK(r.find("satisfaction_public_long_key")->value == "2");
    CHECK(r.find(std::string("a"))->value == "1");
    CHECK(r.find("satisfaction_public_long") == nullptr);
    CHECK(r.find("") == nullptr);
    CHECK(svcorg::yaml::is_extension(r.entries[2].first));
    CHECK_FALSE(svcorg::yaml::is_extension(r.entries[3].first));
    CHECK_FALSE(svcorg::yaml::is_extension(r.entries[0].first));
  }
}

TEST_SUITE("yaml::libyaml_words") {
  TEST_CASE("libyaml's texts: English as libyaml words them, Chinese translated, unknown ones verbatim") {
    using svcorg::i18n::Lang;
    const auto p = svcorg::yaml::problem_words("did not find expected ',' or '}'");
    CHECK(svcorg::l10n::render(p, Lang::En) == "did not find expected ',' or '}'");
    CHECK(svcorg::l10n::render(p, Lang::ZhCN) == "这里应是 `,` 或 `}`");
    const auto c = svcorg::yaml::context_words("while parsing a flow mapping");
    CHECK(svcorg::l10n::render(c, Lang::En) == "while parsing a flow mapping");
    CHECK(svcorg::l10n::render(c, Lang::ZhCN) == "`{…}` 映射");
    const auto other = svcorg::yaml::problem_words("a problem libyaml 0.3 might word");
    CHECK(svcorg::l10n::render(other, Lang::ZhCN) == "a problem libyaml 0.3 might word");
  }
}
