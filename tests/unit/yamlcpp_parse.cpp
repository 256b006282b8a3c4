// The yaml-cpp 0.7 event parser behind our tree: svcorg's parser until libyaml replaced it
// (lib/svcorg/yaml/parse.cpp), kept as a differential test oracle (test_yaml_differential.cpp).
// The code is the former lib/svcorg/yaml/parse.cpp, unchanged but for its names.
#include "yamlcpp_parse.hpp"

#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "svcorg/util/text.hpp"

namespace testing {

using svcorg::Pos;
using svcorg::yaml::Node;
using svcorg::yaml::ParseIssue;
using svcorg::yaml::ParseLimits;
namespace util = svcorg::util;

namespace {

// A read-only streambuf over bytes we already hold (no copy).
class ViewBuf : public std::streambuf {
 public:
  ViewBuf(const char* data, size_t size) {
    char* p = const_cast<char*>(data);
    setg(p, p, p + size);
  }
};

// Maps yaml-cpp marks (0-based line, byte offset) to 1-based line and code-point column.
class PosMap {
 public:
  PosMap(std::string_view text, uint32_t line_offset) : text_(text), line_offset_(line_offset) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  Pos at_offset(size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    // The line holding `offset`.
    size_t lo = 0, hi = line_starts_.size();
    while (hi - lo > 1) {
      const size_t mid = (lo + hi) / 2;
      if (line_starts_[mid] <= offset) lo = mid; else hi = mid;
    }
    const size_t start = line_starts_[lo];
    // Count code points incrementally when moving forward on the same line.
    size_t from = start, col = 0;
    if (cache_line_ == lo && cache_offset_ <= offset) {
      from = cache_offset_;
      col = cache_col_;
    }
    col += util::codepoints(text_.substr(from, offset - from));
    cache_line_ = lo;
    cache_offset_ = offset;
    cache_col_ = col;
    return Pos{static_cast<uint32_t>(lo + 1) + line_offset_, static_cast<uint32_t>(col + 1)};
  }

  Pos at(const YAML::Mark& m) {
    if (m.is_null() || m.pos < 0) return Pos{1, 1};
    return at_offset(static_cast<size_t>(m.pos));
  }

 private:
  std::string_view text_;
  uint32_t line_offset_ = 0;
  std::vector<size_t> line_starts_;
  size_t cache_line_ = static_cast<size_t>(-1), cache_offset_ = 0, cache_col_ = 0;
};

struct StopParsing {};

// Where the quoted scalar starting at `start` closes, or npos when the input ends first.
size_t closing_quote(std::string_view s, size_t start) {
  const char q = s[start];
  for (size_t i = start + 1; i < s.size(); ++i) {
    if (q == '"' && s[i] == '\\') {
      ++i;
    } else if (s[i] == q) {
      if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i;
    }
  }
  return std::string_view::npos;
}

class Builder : public YAML::EventHandler {
 public:
  Builder(std::string_view text, PosMap& posmap, std::vector<ParseIssue>& issues, const ParseLimits& limits)
      : text_(text), pos_(posmap), issues_(issues), limits_(limits) {}

  std::optional<Node> take() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {
    root_.reset();
    stack_.clear();
    anchors_.clear();
    nodes_ = 0;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.type = Node::Type::Null;
    n.pos = pos_.at(mark);
    finish(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    Node n;
    if (it != anchors_.end()) {
      count(it->second.weight);
      n = it->second.node;
    }
    n.pos = pos_.at(mark);
    finish(std::move(n), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n;
    n.type = Node::Type::Scalar;
    n.pos = pos_.at(mark);
    n.value = value;
    set_tag(n, tag);
    if (tag == "!") check_closed(mark);
    finish(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Node::Type::Seq, mark, tag, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Node::Type::Map, mark, tag, anchor, style == YAML::EmitterStyle::Flow);
  }

  // The innermost flow collection (`[` or `{`) still open, when a syntax error stops us.
  const Node* open_flow() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->flow) return &it->node;
    return nullptr;
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    bool flow = false;
    YAML::anchor_t anchor = 0;
    size_t first_count = 0;  // nodes_ when the frame opened, for the anchor's weight
    std::optional<Node> key;
    std::unordered_map<std::string, Pos> keys;  // scalar keys seen, once the map has kIndexFrom entries
  };
  static constexpr size_t kIndexFrom = 24;
  struct Anchored {
    Node node;
    size_t weight = 1;  // nodes in it
  };

  static void set_tag(Node& n, const std::string& tag) {
    if (tag == "?" || tag.empty()) return;
    n.plain = false;
    if (tag != "!") n.tag = tag == "tag:yaml.org,2002:str" ? "!!str" : tag;
  }

  void count(size_t n) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes_per_document) {
      issues_.push_back({current_pos(), "yaml-syntax",
                         fmt::format("the document expands to more than {} nodes (an alias bomb?); "
                                     "write the records out without aliases",
                                     limits_.max_nodes_per_document),
                         {}});
      throw StopParsing{};
    }
  }

  Pos current_pos() const { return stack_.empty() ? Pos{1, 1} : stack_.front().node.pos; }

  void check_closed(const YAML::Mark& mark) {
    if (mark.pos < 0) return;
    const auto start = static_cast<size_t>(mark.pos);
    if (start >= text_.size() || (text_[start] != '"' && text_[start] != '\'')) return;
    if (start < checked_until_) return;
    const size_t end = closing_quote(text_, start);
    if (end == std::string_view::npos) {
      issues_.push_back({pos_.at(mark), "yaml-syntax",
                         fmt::format("this quoted scalar is never closed; add the closing {} before the end "
                                     "of the file",
                                     text_[start] == '"' ? "`\"`" : "`'`"),
                         {}});
      throw StopParsing{};
    }
    checked_until_ = end + 1;
  }

  void open(Node::Type type, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, bool flow) {
    count(1);
    if (stack_.size() >= limits_.max_depth) {
      issues_.push_back({pos_.at(mark), "yaml-syntax",
                         fmt::format("the document nests lists and mappings more than {} levels deep; "
                                     "flatten it (or raise --max-depth)",
                                     limits_.max_depth),
                         {}});
      throw StopParsing{};
    }
    Frame f;
    f.flow = flow;
    f.node.type = type;
    f.node.pos = pos_.at(mark);
    set_tag(f.node, tag);
    f.anchor = anchor;
    f.first_count = nodes_;
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor != 0) anchors_[f.anchor] = Anchored{f.node, nodes_ - f.first_count + 1};
    attach(std::move(f.node));
  }

  void finish(Node&& n, YAML::anchor_t anchor) {
    if (n.type != Node::Type::Seq && n.type != Node::Type::Map) count(1);
    if (anchor != 0) anchors_[anchor] = Anchored{n, 1};
    attach(std::move(n));
  }

  void attach(Node&& n) {
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

  std::string_view text_;
  PosMap& pos_;
  std::vector<ParseIssue>& issues_;
  const ParseLimits& limits_;
  std::optional<Node> root_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  size_t nodes_ = 0;
  size_t checked_until_ = 0;
};

// A syntax error as a finding: an unclosed `[` or `{` points at itself; any other error
// at the parser's position, kept inside the file.
ParseIssue syntax_issue(const YAML::Exception& e, const Builder& builder, PosMap& posmap, std::string_view text) {
  const Node* flow = builder.open_flow();
  if (flow && e.msg.find("flow not found") != std::string::npos) {
    const bool seq = flow->is_seq();
    return {flow->pos, "yaml-syntax",
            fmt::format("this {} is never closed; add the closing `{}`", seq ? "list (`[`)" : "mapping (`{`)",
                        seq ? "]" : "}"),
            {}};
  }
  size_t offset = e.mark.is_null() || e.mark.pos < 0 ? 0 : static_cast<size_t>(e.mark.pos);
  if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr)
    return {posmap.at_offset(offset), "yaml-syntax",
            "the document nests lists and mappings too deeply for the YAML parser (about 500 levels); flatten it",
            {}};
  // At the very end of a file ending in a newline, point at the end of the last line.
  if (offset >= text.size() && !text.empty()) offset = text.back() == '\n' ? text.size() - 1 : text.size();
  return {posmap.at_offset(offset), "yaml-syntax", fmt::format("invalid YAML: {}", e.msg), {}};
}

}  // namespace

bool yamlcpp_parse_stream(std::string_view bytes, const std::function<void(Node&&)>& on_document,
                  std::vector<ParseIssue>& issues, const ParseLimits& limits, uint32_t line_offset) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  PosMap posmap(bytes, line_offset);
  if (auto bad = util::check_utf8(bytes)) {
    issues.push_back({posmap.at_offset(bad->offset), "yaml-syntax",
                      fmt::format("{}; the file must be UTF-8 text", bad->what), {}});
    return false;
  }
  ViewBuf buf(bytes.data(), bytes.size());
  std::istream in(&buf);
  Builder builder(bytes, posmap, issues, limits);
  try {
    YAML::Parser parser(in);
    size_t documents = 0;
    while (parser.HandleNextDocument(builder)) {
      if (auto doc = builder.take(); doc && !doc->is_null()) {
        if (++documents > limits.max_documents) {
          issues.push_back({doc->pos, "yaml-syntax",
                            fmt::format("the file has more than {} documents; split it (or raise --max-records)",
                                        limits.max_documents),
                            {}});
          return false;
        }
        on_document(std::move(*doc));
      }
    }
  } catch (const StopParsing&) {
    return false;
  } catch (const YAML::Exception& e) {
    issues.push_back(syntax_issue(e, builder, posmap, bytes));
    return false;
  }
  return true;
}

std::vector<Node> yamlcpp_parse_all(std::string_view bytes, std::vector<ParseIssue>& issues) {
  std::vector<Node> docs;
  yamlcpp_parse_stream(bytes, [&](Node&& n) { docs.push_back(std::move(n)); }, issues, ParseLimits{}, 0);
  return docs;
}

}  // namespace testing
