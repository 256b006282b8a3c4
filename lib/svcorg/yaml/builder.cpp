#include "svcorg/yaml/builder.hpp"

#include <algorithm>
#include <utility>

#include "svcorg/yaml/hints.hpp"

namespace svcorg::yaml {

namespace {

// Findings are rare: their messages are made out of line, so the hot paths that may
// report one (attach, open) stay small enough to inline what they call.
[[gnu::cold]] [[gnu::noinline]] void duplicate_key(std::vector<ParseIssue>& issues, const Node& key, Pos first) {
  issues.push_back({key.pos, "duplicate-key",
                    i18n::Message("yaml.duplicate-key", {{"key", key.value}, {"line", first.line}}), first});
}

[[gnu::cold]] [[gnu::noinline]] void too_deep(std::vector<ParseIssue>& issues, Pos pos, size_t max) {
  issues.push_back({pos, "yaml-syntax", i18n::Message("yaml.too-deep", {{"max", max}}), {}});
}

// A key written after full-width spaces (U+3000) that were meant as indentation: it lands
// in the wrong mapping, so the document is not read (as for a syntax error).
[[gnu::cold]] [[gnu::noinline]] void ideographic_key(std::vector<ParseIssue>& issues, Pos pos) {
  issues.push_back({pos, "yaml-syntax", ideographic_space_message(), {}});
  throw StopParsing{};
}

}  // namespace

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
    issues_.push_back({pos,
                       "yaml-syntax",
                       i18n::Message(open ? "yaml.recursive-alias" : "yaml.unknown-alias", {{"name", name}}),
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
    too_deep(issues_, pos, limits_.max_depth);
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
  issues_.push_back({current_pos(),
                     "yaml-syntax",
                     i18n::Message(aliased_ * 2 > nodes_ ? "yaml.alias-bomb" : "yaml.too-many-nodes",
                                   {{"max", limits_.max_nodes_per_document}}),
                     {}});
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
    if (n.plain && !n.value.empty() && n.value[0] == '\xE3' && ideographic_indent(n.value))
      ideographic_key(issues_, n.pos);
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
      duplicate_key(issues_, key, *first);
      return;
    }
  }
  parent.node.entries.emplace_back(std::move(key), std::move(n));
}

}  // namespace svcorg::yaml
