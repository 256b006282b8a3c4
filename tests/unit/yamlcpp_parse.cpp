// The yaml-cpp 0.7 event parser behind our tree: svcorg's parser until libyaml replaced it
// (lib/svcorg/yaml/parse.cpp), kept as a differential test oracle (test_yaml_differential.cpp).
// The events go to the library's own TreeBuilder (svcorg/yaml/builder.hpp), as libyaml's do.
#include "yamlcpp_parse.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <memory>
#include <optional>
#include <streambuf>

#include "svcorg/util/text.hpp"
#include "svcorg/yaml/builder.hpp"

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
      if (line_starts_[mid] <= offset)
        lo = mid;
      else
        hi = mid;
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

// yaml-cpp's events, fed to svcorg's TreeBuilder: the trees are built by the same code
// as libyaml's, so the differential test compares what the two parsers emit.
class Events : public YAML::EventHandler {
 public:
  Events(std::string_view text, PosMap& posmap, std::vector<ParseIssue>& issues, const ParseLimits& limits,
         uint32_t line_offset)
      : text_(text), pos_(posmap), issues_(issues), builder_(issues, limits, line_offset) {}

  svcorg::yaml::TreeBuilder& builder() { return builder_; }
  const svcorg::yaml::TreeBuilder& builder() const { return builder_; }

  void OnDocumentStart(const YAML::Mark&) override { builder_.document_start(); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { builder_.null(pos_.at(mark), name(anchor)); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override { builder_.alias(pos_.at(mark), name(anchor)); }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (tag == "!") check_closed(mark);
    builder_.scalar(pos_.at(mark), value, true, tag_of(tag), name(anchor));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    builder_.open(Node::Type::Seq, pos_.at(mark), tag_of(tag), name(anchor), style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { builder_.close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    builder_.open(Node::Type::Map, pos_.at(mark), tag_of(tag), name(anchor), style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { builder_.close(); }

 private:
  // yaml-cpp numbers anchors from 1 (0: none) and tags a node without an explicit tag
  // `?` (plain) or `!` (quoted: non-specific, as libyaml's quoted style).
  static std::string name(YAML::anchor_t anchor) { return anchor == 0 ? std::string() : std::to_string(anchor); }
  static std::string_view tag_of(const std::string& tag) { return tag == "?" ? std::string_view() : tag; }

  // yaml-cpp 0.7 takes a quoted scalar that is never closed to the end of the input.
  void check_closed(const YAML::Mark& mark) {
    if (mark.pos < 0) return;
    const auto start = static_cast<size_t>(mark.pos);
    if (start >= text_.size() || (text_[start] != '"' && text_[start] != '\'')) return;
    if (start < checked_until_) return;
    const size_t end = closing_quote(text_, start);
    if (end == std::string_view::npos) {
      issues_.push_back({pos_.at(mark),
                         "yaml-syntax",
                         svcorg::i18n::Message("yaml.unclosed-quote", {{"quote", text_[start] == '"' ? "\"" : "'"}}),
                         {}});
      throw svcorg::yaml::StopParsing{};
    }
    checked_until_ = end + 1;
  }

  std::string_view text_;
  PosMap& pos_;
  std::vector<ParseIssue>& issues_;
  svcorg::yaml::TreeBuilder builder_;
  size_t checked_until_ = 0;
};

// A syntax error as a finding: an unclosed `[` or `{` points at itself; any other error
// at the parser's position, kept inside the file.
ParseIssue syntax_issue(const YAML::Exception& e, const svcorg::yaml::TreeBuilder& builder, PosMap& posmap,
                        std::string_view text) {
  const Node* flow = builder.open_flow();
  if (flow && e.msg.find("flow not found") != std::string::npos) {
    const bool seq = flow->is_seq();
    return {flow->pos, "yaml-syntax", svcorg::i18n::Message(seq ? "yaml.unclosed-list" : "yaml.unclosed-mapping"), {}};
  }
  size_t offset = e.mark.is_null() || e.mark.pos < 0 ? 0 : static_cast<size_t>(e.mark.pos);
  if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr)
    return {posmap.at_offset(offset),
            "yaml-syntax",
            "the document nests lists and mappings too deeply for the YAML parser (about 500 levels); flatten it",
            {}};
  // At the very end of a file ending in a newline, point at the end of the last line.
  if (offset >= text.size() && !text.empty()) offset = text.back() == '\n' ? text.size() - 1 : text.size();
  return {posmap.at_offset(offset), "yaml-syntax", svcorg::i18n::Message("yaml.invalid", {{"problem", e.msg}}), {}};
}

}  // namespace

bool yamlcpp_parse_stream(std::string_view bytes, const std::function<void(Node&&)>& on_document,
                          std::vector<ParseIssue>& issues, const ParseLimits& limits, uint32_t line_offset) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  PosMap posmap(bytes, line_offset);
  if (auto bad = util::check_utf8(bytes)) {
    issues.push_back({posmap.at_offset(bad->offset),
                      "yaml-syntax",
                      svcorg::i18n::Message("yaml.not-utf8", {{"problem", bad->what}}),
                      {}});
    return false;
  }
  ViewBuf buf(bytes.data(), bytes.size());
  std::istream in(&buf);
  Events events(bytes, posmap, issues, limits, line_offset);
  auto& builder = events.builder();
  try {
    YAML::Parser parser(in);
    size_t documents = 0;
    while (parser.HandleNextDocument(events)) {
      if (auto doc = builder.take(); doc && !doc->is_null()) {
        if (++documents > limits.max_documents) {
          issues.push_back({doc->pos,
                            "yaml-syntax",
                            svcorg::i18n::Message("yaml.too-many-documents", {{"max", limits.max_documents}}),
                            {}});
          return false;
        }
        on_document(std::move(*doc));
      }
    }
  } catch (const svcorg::yaml::StopParsing&) {
    return false;
  } catch (const YAML::Exception& e) {
    issues.push_back(syntax_issue(e, builder, posmap, bytes));
    return false;
  }
  return true;
}

std::vector<Node> yamlcpp_parse_all(std::string_view bytes, std::vector<ParseIssue>& issues) {
  std::vector<Node> docs;
  yamlcpp_parse_stream(
      bytes, [&](Node&& n) { docs.push_back(std::move(n)); }, issues, ParseLimits{}, 0);
  return docs;
}

}  // namespace testing
