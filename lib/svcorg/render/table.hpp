// Plain-text tables aligned by display width (CJK counts 2 columns, combining marks 0)
// and RFC 4180 CSV: the tabular outputs of `svcorg needs` and `svcorg score`. Cells are
// text; callers format numbers and dates before they get here.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::render {

// Terminal columns `utf8` takes (utf8proc_charwidth per code point). An invalid byte
// counts 1.
size_t display_width(std::string_view utf8);

// `text` cut to at most `width` display columns, ending in `…` when it was cut.
std::string truncate(std::string_view text, size_t width);

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as `header` (missing cells are empty)
  std::vector<size_t> right;                   // indexes of the right-aligned columns
  // CSV: indexes of the columns whose cells are numbers svcorg formats itself (scores,
  // ranks, counts, days). Their cells are written as they are, a negative number too;
  // every other cell that a spreadsheet would run as a formula is neutralized.
  std::vector<size_t> numeric;
};

// The catalogue messages `ids` rendered in `lang`: a table's header.
std::vector<std::string> headers(i18n::Lang lang, std::initializer_list<const char*> ids);

// Columns padded to their widest cell, two spaces apart, the header underlined with `-`;
// no trailing spaces; `\n` line ends.
std::string render_text(const Table& t);

// How a CSV is written: `excel` (`--excel`) starts it with a UTF-8 byte order mark, so
// Excel (Chinese Windows included) reads it as UTF-8 and not in the system code page.
struct CsvOptions {
  bool excel = false;
};

// RFC 4180: header row first; a field is quoted when it holds `,` `"` CR or LF, with
// quotes doubled; CRLF line ends; UTF-8, with a BOM for Excel. A text cell a spreadsheet
// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a CR) gets a `'`
// in front, inside quotes (OWASP, "CSV injection"): `'=HYPERLINK(…)` shows as text.
std::string render_csv(const Table& t, const CsvOptions& options = {});
// One cell; `own`: svcorg's own text (a number it formats, a header word), written as it is.
std::string csv_field(std::string_view field, bool own = false);

}  // namespace svcorg::render
