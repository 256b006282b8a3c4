#include "svcorg/yaml/builder.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace svcorg::yaml {

void TreeBuilder::document_start() {
  root_.reset();
  stack_.clear();
  anchors_.clear();
  nodes_ = 0;
  aliased_ = 0;
}

void TreeBuilder::alias(Pos pos, std::string_view anchor) {
  const std::string name(anchor);
  auto it = anchors_.find(name);
  if (it == anchors_.end()) {
    const bool open = std::any_of(stack_.begin(), stack_.end(), [&](const Frame& f) { return f.anchor == name; });
    issues_.push_back({pos, "yaml-syntax",
                       open ? fmt::format("invalid YAML: the alias `*{0}` is inside the node anchored `&{0}` it "
                                          "refers to (a recursive alias); write the value out",
                                          name)
                            : fmt::format("invalid YAML: the alias `*{0}` refers to no anchor `&{0}` defined "
                                          "before it in this document; define the anchor first or write the "
                                          "value out",
                                          name),
                       {}});
    throw StopParsing{};
  }
  count(it->second.weight, true);
  Node n = it->second.node;
  n.pos = pos;
  finish(std::move(n), {});
}

void TreeBuilder::open(Node::Type type, Pos pos, std::string_view tag, std::string_view anchor, bool flow) {
  count(1);
  if (stack_.size() >= limits_.max_depth) {
    issues_.push_back({pos, "yaml-syntax",
                       fmt::format("the document nests lists and mappings more than {} levels deep; "
                                   "flatten it (or raise --max-depth)",
                                   limits_.max_depth),
                       {}});
    throw StopParsing{};
  }
  Frame f;
  f.flow = flow;
  f.node.type = type;
  f.node.pos = pos;
  // Room for a record's or an event's keys: growing 1, 2, 4, 8, 16 moved every entry
  // each time (3% of a cold run).
  if (type == Node::Type::Map) f.node.entries.reserve(8);
  set_tag(f.node, tag);
  if (!anchor.empty()) f.anchor = anchor;
  f.first_count = nodes_;
  stack_.push_back(std::move(f));
}

const Node* TreeBuilder::open_flow() const {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
    if (it->flow) return &it->node;
  return nullptr;
}

void TreeBuilder::close() {
  Frame f = std::move(stack_.back());
  stack_.pop_back();
  if (!f.anchor.empty()) anchors_[f.anchor] = Anchored{f.node, nodes_ - f.first_count + 1};
  attach(std::move(f.node));
}

// An explicit tag makes a node non-plain; `!` (non-specific) leaves no tag.
void TreeBuilder::set_tag(Node& n, std::string_view tag) {
  if (tag.empty()) return;
  n.plain = false;
  if (tag != "!") n.tag = tag == "tag:yaml.org,2002:str" ? std::string("!!str") : std::string(tag);
}

void TreeBuilder::too_many_nodes() {
  // Mostly repeats of anchored nodes: an alias bomb; else simply a huge document.
  const std::string what =
      aliased_ * 2 > nodes_
          ? fmt::format("the document expands to more than {} nodes through its aliases (an alias bomb); "
                        "write the records out without aliases",
                        limits_.max_nodes_per_document)
          : fmt::format("the document has more than {} nodes; a record is never that large: split the "
                        "data into records of their own",
                        limits_.max_nodes_per_document);
  issues_.push_back({current_pos(), "yaml-syntax", what, {}});
  throw StopParsing{};
}

void TreeBuilder::attach(Node&& n) {
  if (stack_.empty()) {
    root_ = std::move(n);
    return;
  }
  Frame& parent = stack_.back();
  if (parent.node.type == Node::Type::Seq) {
    parent.node.items.push_back(std::move(n));
    return;
  }
  if (!parent.key) {
    parent.key = std::move(n);
    return;
  }
  Node key = std::move(*parent.key);
  parent.key.reset();
  if (key.is_scalar()) {
    // Small mappings (nearly all) are searched in place; a large one gets an index.
    std::optional<Pos> first;
    if (parent.keys.empty() && parent.node.entries.size() < kIndexFrom) {
      for (const auto& e : parent.node.entries)
        if (e.first.is_scalar() && e.first.value == key.value) {
          first = e.first.pos;
          break;
        }
    } else {
      if (parent.keys.empty())
        for (const auto& e : parent.node.entries)
          if (e.first.is_scalar()) parent.keys.emplace(e.first.value, e.first.pos);
      auto [it, inserted] = parent.keys.emplace(key.value, key.pos);
      if (!inserted) first = it->second;
    }
    if (first) {
      issues_.push_back({key.pos, "duplicate-key",
                         fmt::format("the key `{}` appears twice in this mapping (first at line {}); "
                                     "keep one of them",
                                     key.value, first->line),
                         *first});
      return;
    }
  }
  parent.node.entries.emplace_back(std::move(key), std::move(n));
}

}  // namespace svcorg::yaml
