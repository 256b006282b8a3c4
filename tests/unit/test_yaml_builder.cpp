// yaml::TreeBuilder fed events by hand, as a parser would: the tree, anchors and
// aliases, duplicate keys, the limits. (Through libyaml: test_yaml_parse.cpp; against
// yaml-cpp: test_yaml_differential.cpp.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/yaml/builder.hpp"

using svcorg::Pos;
using svcorg::yaml::Node;
using svcorg::yaml::ParseIssue;
using svcorg::yaml::ParseLimits;
using svcorg::yaml::StopParsing;
using svcorg::yaml::TreeBuilder;

namespace {

// A builder with its issues and limits (the builder reads the limits by reference, so a
// test may change them), a document started.
struct Fed {
  std::vector<ParseIssue> issues;
  ParseLimits limits;
  TreeBuilder b;
  explicit Fed(uint32_t line_offset = 0) : b(issues, limits, line_offset) { b.document_start(); }
};

}  // namespace

TEST_SUITE("yaml::TreeBuilder") {
  TEST_CASE("events make the tree: scalars, nulls, tags, sequences and mappings in order") {
    Fed f;
    auto& [issues, limits, b] = f;
    b.open(Node::Type::Map, Pos{1, 1}, "", "", false);
    b.scalar(Pos{1, 1}, "a", true, "", "");
    b.scalar(Pos{1, 4}, "1", true, "", "");
    b.scalar(Pos{2, 1}, "b", true, "", "");
    b.open(Node::Type::Seq, Pos{2, 4}, "", "", true);
    b.scalar(Pos{2, 5}, "x", false, "!", "");                     // quoted: non-specific tag
    b.scalar(Pos{2, 8}, "7", true, "tag:yaml.org,2002:str", "");  // !!str
    b.null(Pos{2, 11}, "");
    CHECK(b.open_flow() != nullptr);
    b.close();
    CHECK(b.open_flow() == nullptr);
    b.close();
    auto doc = b.take();
    REQUIRE(doc);
    CHECK(issues.empty());
    REQUIRE(doc->is_map());
    REQUIRE(doc->entries.size() == 2);
    CHECK(doc->entries[0].first.value == "a");
    CHECK(doc->entries[0].second.pos == Pos{1, 4});
    const Node& seq = doc->entries[1].second;
    REQUIRE(seq.is_seq());
    REQUIRE(seq.items.size() == 3);
    CHECK(seq.items[0].value == "x");
    CHECK_FALSE(seq.items[0].plain);
    CHECK(seq.items[0].tag.empty());
    CHECK(seq.items[1].tag == "!!str");
    CHECK_FALSE(seq.items[1].plain);
    CHECK(seq.items[2].is_null());
    CHECK_FALSE(b.take());  // taken once
  }

  TEST_CASE("a duplicate key is reported at the second, pointing at the first, and the first kept") {
    Fed f;
    auto& [issues, limits, b] = f;
    b.open(Node::Type::Map, Pos{1, 1}, "", "", false);
    // More than the 24 entries searched in place, so the index is used too.
    for (int i = 0; i < 30; ++i) {
      b.scalar(Pos{static_cast<uint32_t>(i + 1), 1}, "k" + std::to_string(i), true, "", "");
      b.scalar(Pos{static_cast<uint32_t>(i + 1), 5}, "v", true, "", "");
    }
    b.scalar(Pos{40, 1}, "k3", true, "", "");
    b.scalar(Pos{40, 5}, "second", true, "", "");
    b.scalar(Pos{41, 1}, "k27", true, "", "");
    b.scalar(Pos{41, 5}, "second", true, "", "");
    b.close();
    auto doc = b.take();
    REQUIRE(doc);
    CHECK(doc->entries.size() == 30);
    CHECK(doc->find("k3")->value == "v");
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].rule == "duplicate-key");
    CHECK(issues[0].pos == Pos{40, 1});
    CHECK(issues[0].related == Pos{4, 1});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "the key `k3` appears twice in this mapping (first at line 4); keep one of them");
    CHECK(issues[1].pos == Pos{41, 1});
    CHECK(issues[1].related == Pos{28, 1});
  }

  TEST_CASE("an alias copies its anchored node and counts its nodes, an unknown or recursive one stops") {
    Fed f;
    f.limits.max_nodes_per_document = 10;
    auto& [issues, limits, b] = f;
    b.open(Node::Type::Seq, Pos{1, 1}, "", "", false);
    b.open(Node::Type::Seq, Pos{1, 3}, "", "a", true);  // &a [x, y]: 3 nodes
    b.scalar(Pos{1, 7}, "x", true, "", "");
    b.scalar(Pos{1, 10}, "y", true, "", "");
    b.close();
    b.alias(Pos{2, 3}, "a");  // 4 + 3 = 7 nodes
    b.close();
    auto doc = b.take();
    REQUIRE(doc);
    REQUIRE(doc->items.size() == 2);
    CHECK(doc->items[1].pos == Pos{2, 3});
    REQUIRE(doc->items[1].items.size() == 2);
    CHECK(doc->items[1].items[1].value == "y");

    b.document_start();  // anchors do not outlive their document
    b.open(Node::Type::Seq, Pos{5, 1}, "", "", false);
    CHECK_THROWS_AS(b.alias(Pos{5, 3}, "a"), StopParsing);
    REQUIRE(issues.size() == 1);
    CHECK(svcorg::l10n::render(issues[0].message).find("refers to no anchor `&a` defined before it") !=
          std::string::npos);

    b.document_start();
    b.open(Node::Type::Seq, Pos{7, 1}, "", "r", true);
    CHECK_THROWS_AS(b.alias(Pos{7, 5}, "r"), StopParsing);
    REQUIRE(issues.size() == 2);
    CHECK(svcorg::l10n::render(issues[1].message).find("(a recursive alias)") != std::string::npos);

    // Aliases repeating an anchored node past the node limit: an alias bomb.
    b.document_start();
    b.open(Node::Type::Seq, Pos{9, 1}, "", "", false);
    b.open(Node::Type::Seq, Pos{9, 3}, "", "b", true);
    b.scalar(Pos{9, 4}, "1", true, "", "");
    b.scalar(Pos{9, 6}, "2", true, "", "");
    b.close();
    b.alias(Pos{10, 3}, "b");  // 7 nodes
    b.alias(Pos{11, 3}, "b");  // 10
    CHECK_THROWS_AS(b.alias(Pos{12, 3}, "b"), StopParsing);
    REQUIRE(issues.size() == 3);
    CHECK(issues[2].pos == Pos{9, 1});
    CHECK(svcorg::l10n::render(issues[2].message).find("more than 10 nodes through its aliases (an alias bomb)") !=
          std::string::npos);
  }

  TEST_CASE("the depth limit stops at the collection that passes it") {
    Fed f(100);
    f.limits.max_depth = 3;
    auto& [issues, limits, b] = f;
    for (uint32_t i = 0; i < 3; ++i) b.open(Node::Type::Seq, Pos{101, i + 1}, "", "", true);
    CHECK_THROWS_AS(b.open(Node::Type::Seq, Pos{101, 4}, "", "", true), StopParsing);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].pos == Pos{101, 4});
    CHECK(svcorg::l10n::render(issues[0].message) ==
          "the document nests lists and mappings more than 3 levels deep; flatten it (or raise --max-depth)");
  }
}
