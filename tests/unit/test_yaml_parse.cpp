#include <doctest/doctest.h>

#include "support.hpp"

#include "svcorg/yaml/parse.hpp"

using svcorg::Pos;
using svcorg::yaml::Node;
using svcorg::yaml::ParseIssue;
using svcorg::yaml::parse_all;

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
    auto docs = parse_all("\xEF\xBB\xBF" "a: 1\r\nb: x\r\n", issues);
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
    CHECK(issues[0].message.find("0xff") != std::string::npos);

    issues.clear();
    parse_all(std::string("a: 1\nb: \0\n", 10), issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].message.find("NUL") != std::string::npos);
  }

  TEST_CASE("an unclosed quote at the end of the input is an error") {
    for (const char* text : {"a: 'abc\n", "a: \"abc\n", "a: 1\nb: \"x\\\"\n"}) {
      CAPTURE(text);
      std::vector<ParseIssue> issues;
      parse_all(text, issues);
      REQUIRE(issues.size() == 1);
      CHECK(issues[0].rule == "yaml-syntax");
      CHECK(issues[0].message.find("never closed") != std::string::npos);
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
    CHECK(issues[0].message.find("alias") != std::string::npos);
  }
}
