// What people really get wrong when they write records by hand, named at its place:
// full-width punctuation typed where YAML's syntax is ASCII (`members：142`), a file saved
// in GBK/GB18030 or UTF-16 rather than UTF-8, a spreadsheet's CSV/TSV export given as
// records, a flow collection missing a comma. Each is looked for only once something
// went wrong (a syntax error, invalid UTF-8, a value of the wrong type): nothing here
// runs on a valid file.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "svcorg/i18n/message.hpp"
#include "svcorg/util/pos.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::yaml {

struct Hint {
  Pos pos;
  i18n::Message message;
};

// The first full-width `：`, `，`, `［`, `］`, `｛` or `｝` typed in place of YAML's ASCII
// syntax, or U+3000 indenting a line, on lines `first`..`last` (1-based) of `text`
// (outside quotes and comments). A `：` counts only after a plain field name
// (`members：142`), so `summary: 地址：某路` is no mistake.
std::optional<Hint> fullwidth_in_lines(std::string_view text, uint32_t first, uint32_t last);

// The same in a plain scalar read where it cannot be right (a list or mapping was
// expected, or an identifier or enumerated value), at its place on the scalar's line:
// `overall，public-sentiment`, `［overall, public-sentiment］`, `name：王丽华`.
std::optional<Hint> fullwidth_in_scalar(const Node& scalar);

// A mapping key that starts with U+3000: a line indented with full-width spaces.
bool ideographic_indent(std::string_view key);
i18n::Message ideographic_space_message();

// What bytes that are not UTF-8 most likely are: UTF-16 (a byte-order mark, or NUL bytes
// every other byte), or GBK/GB18030 (every byte decodes as GB18030).
enum class Encoding { Unknown, Utf16, Gb18030 };
Encoding guess_encoding(std::string_view bytes);

// Whether the first line of `text` reads as the header of a CSV or TSV table (at least two
// commas or a tab, and not YAML: no `key:`, no list item, no flow collection).
bool looks_like_table(std::string_view text);
// The same for a document that is one plain scalar (a table's lines, folded).
bool scalar_looks_like_table(const Node& scalar);

// Where a `[` or `{` at byte `open` of `text` is closed, skipping quoted scalars,
// comments and nested collections; none when it never is.
std::optional<size_t> flow_close(std::string_view text, size_t open);

}  // namespace svcorg::yaml
