// Parsing one YAML stream (a file's bytes) into our own document trees, document by
// document, from libyaml's event parser (no libyaml document tree is ever built).
// Checks what libyaml does not: invalid UTF-8 and NUL bytes, duplicate mapping keys,
// aliases to undefined anchors, alias expansion bombs, nesting depth; refuses NEL,
// U+2028 and U+2029, which libyaml (YAML 1.1) reads as line breaks and YAML 1.2 does not.
// Positions are 1-based lines and code-point columns (libyaml's marks count characters).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/pos.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::yaml {

struct ParseIssue {
  Pos pos;
  std::string rule;  // "yaml-syntax", "duplicate-key", or "header" (an empty file)
  i18n::Message message;
  Pos related;  // the first occurrence, for duplicate-key
};

struct ParseLimits {
  size_t max_nodes_per_document = 2'000'000;  // after alias expansion
  // Nesting of collections. libyaml does not recurse and has no limit of its own: this is
  // the only one.
  size_t max_depth = 1000;
  size_t max_documents = 10'000'000;  // documents in one stream
  // A stream of blanks and comments only (an empty file) is a finding: rule `header`, at
  // line 1, column 1 (a record file holds at least one record). parse_all does not ask.
  bool empty_is_finding = true;
};

// Calls `on_document` for each non-empty document in order. Syntax errors stop the stream
// (documents before the error have been delivered); duplicate keys do not (the first
// occurrence is kept). Returns false when the stream stopped on a syntax error.
// `line_offset` is added to every line number (for a part of a file that starts on line
// line_offset + 1).
bool parse_stream(std::string_view bytes, const std::function<void(Node&&)>& on_document,
                  std::vector<ParseIssue>& issues, const ParseLimits& limits = {}, uint32_t line_offset = 0);

// Convenience for tests and embedded data: every non-empty document of a stream (an empty
// stream is no finding).
std::vector<Node> parse_all(std::string_view bytes, std::vector<ParseIssue>& issues);

}  // namespace svcorg::yaml
