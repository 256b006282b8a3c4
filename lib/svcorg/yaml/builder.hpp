// Building one document's tree from a YAML parser's events, whatever parser emits them:
// yaml/parse.cpp feeds it libyaml's events, the test suite's differential oracle feeds it
// yaml-cpp's (tests/unit/yamlcpp_parse.cpp), so the two parsers are compared on what they
// emit and the tree logic exists once. It checks what parsers leave to their users:
// duplicate mapping keys (reported, the first kept), aliases to anchors not defined
// before them, the node count after alias expansion (alias bombs) and the nesting depth.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "svcorg/util/pos.hpp"
#include "svcorg/yaml/parse.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::yaml {

// Thrown by TreeBuilder after it reported a problem that stops the stream (a limit, an
// unknown alias); the parser's driver catches it and returns false.
struct StopParsing {};

class TreeBuilder {
 public:
  // `line_offset`: as in parse_stream (positions given to the builder already include it).
  TreeBuilder(std::vector<ParseIssue>& issues, const ParseLimits& limits, uint32_t line_offset)
      : issues_(issues), limits_(limits), line_offset_(line_offset) {}

  void document_start();
  // The finished document (none when it was empty), once its end event came; once.
  std::optional<Node> take() {
    std::optional<Node> out = std::move(root_);
    root_.reset();
    return out;
  }

  // In every event, `tag` empty means none and `!` the non-specific tag; `anchor` empty
  // means none.
  // (scalar, null and the counting they do are inline: they run for every node.)
  void scalar(Pos pos, std::string_view value, bool plain, std::string_view tag, std::string_view anchor) {
    Node n;
    n.pos = pos;
    n.type = Node::Type::Scalar;
    n.value.assign(value.data(), value.size());
    n.plain = plain;
    if (!tag.empty()) set_tag(n, tag);
    finish(std::move(n), anchor);
  }
  // An untagged plain null (`~`, `null`, `Null`, `NULL` or nothing).
  void null(Pos pos, std::string_view anchor) {
    Node n;
    n.pos = pos;
    n.type = Node::Type::Null;
    finish(std::move(n), anchor);
  }
  void alias(Pos pos, std::string_view anchor);
  void open(Node::Type type, Pos pos, std::string_view tag, std::string_view anchor, bool flow);
  void close();

  // The innermost flow collection (`[` or `{`) still open, when a syntax error stops us.
  const Node* open_flow() const;

 private:
  struct Frame {
    Node node;
    bool flow = false;
    std::string anchor;      // empty: none
    size_t first_count = 0;  // nodes_ when the frame opened, for the anchor's weight
    std::optional<Node> key;
    std::unordered_map<std::string, Pos> keys;  // scalar keys seen, once the map has kIndexFrom entries
  };
  static constexpr size_t kIndexFrom = 24;
  struct Anchored {
    Node node;
    size_t weight = 1;  // nodes in it
  };

  static void set_tag(Node& n, std::string_view tag);
  void count(size_t n, bool aliased = false) {
    nodes_ += n;
    if (aliased) aliased_ += n;
    if (nodes_ > limits_.max_nodes_per_document) too_many_nodes();
  }
  [[noreturn]] void too_many_nodes();
  Pos current_pos() const { return stack_.empty() ? Pos{1 + line_offset_, 1} : stack_.front().node.pos; }
  void finish(Node&& n, std::string_view anchor) {
    if (n.type != Node::Type::Seq && n.type != Node::Type::Map) count(1);
    if (!anchor.empty()) anchors_[std::string(anchor)] = Anchored{n, 1};
    attach(std::move(n));
  }
  void attach(Node&& n);

  std::vector<ParseIssue>& issues_;
  const ParseLimits& limits_;
  uint32_t line_offset_ = 0;
  std::optional<Node> root_;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, Anchored> anchors_;
  size_t nodes_ = 0;
  size_t aliased_ = 0;  // nodes that aliases repeat (counted once at their anchor)
};

}  // namespace svcorg::yaml
