// GitHub Actions workflow commands: each finding becomes an annotation on its line.
// Escaping follows the runner (actions/toolkit, command.ts): data escapes `%`, CR and LF;
// property values also `:` and `,`.
#include <fmt/format.h>

#include "svcorg/diag/formats.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::diag {

namespace {

std::string escape(std::string_view s, bool property) {
  if (property) return util::replaced(s, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}, {':', "%3A"}, {',', "%2C"}});
  return util::replaced(s, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

}  // namespace

std::string render_github(const std::vector<Diagnostic>& items, const Summary& s, i18n::Lang lang, bool with_summary,
                          const std::vector<Failure>& failures) {
  std::string out;
  // A failure concerns the run, not a line of a record: an annotation of its own.
  for (const auto& f : failures) out += "::error::" + escape(failure_text(f, lang), false) + "\n";
  for (const auto& d : items) {
    const std::string where = d.pos.known() ? fmt::format(",line={},col={}", d.pos.line, d.pos.col) : "";
    out += fmt::format("::{} file={}{},title={}::{}\n", severity_name(d.severity), escape(d.file, true), where,
                       escape(d.rule, true), escape(l10n::render(d.message, lang), false));
  }
  return with_summary ? out + render_summary(s, false, lang) : out;
}

}  // namespace svcorg::diag
