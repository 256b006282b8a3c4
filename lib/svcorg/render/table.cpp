#include "svcorg/render/table.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::render {

std::vector<std::string> headers(i18n::Lang lang, std::initializer_list<const char*> ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const char* id : ids) out.push_back(l10n::tr(lang, id));
  return out;
}

namespace {

// Decodes one code point at `s[i]`; returns its byte length and display width.
struct Glyph {
  size_t bytes = 1;
  size_t width = 1;
};

Glyph next_glyph(std::string_view s, size_t i) {
  utf8proc_int32_t cp = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i);
  const utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {};  // an invalid byte: one column
  const int w = utf8proc_charwidth(cp);
  return {static_cast<size_t>(n), static_cast<size_t>(std::max(w, 0))};
}

const std::string& cell(const std::vector<std::string>& row, size_t i) {
  static const std::string kEmpty;
  return i < row.size() ? row[i] : kEmpty;
}

std::vector<size_t> column_widths(const Table& t) {
  std::vector<size_t> widths(t.header.size(), 0);
  for (size_t i = 0; i < widths.size(); ++i) {
    widths[i] = display_width(t.header[i]);
    for (const auto& row : t.rows) widths[i] = std::max(widths[i], display_width(cell(row, i)));
  }
  return widths;
}

std::string line(const std::vector<std::string>& cells, const std::vector<size_t>& widths,
                 const std::vector<size_t>& right) {
  std::string out;
  for (size_t i = 0; i < widths.size(); ++i) {
    const std::string& text = cell(cells, i);
    const std::string pad(widths[i] - std::min(widths[i], display_width(text)), ' ');
    if (i > 0) out += "  ";
    const bool to_right = std::find(right.begin(), right.end(), i) != right.end();
    out += to_right ? pad + text : text + pad;
  }
  out.erase(out.find_last_not_of(' ') + 1);
  return out + "\n";
}

}  // namespace

size_t display_width(std::string_view utf8) {
  size_t width = 0;
  for (size_t i = 0; i < utf8.size();) {
    const Glyph g = next_glyph(utf8, i);
    width += g.width;
    i += g.bytes;
  }
  return width;
}

std::string truncate(std::string_view text, size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  const size_t room = width - 1;  // one column for the ellipsis
  size_t used = 0, end = 0;
  while (end < text.size()) {
    const Glyph g = next_glyph(text, end);
    if (used + g.width > room) break;
    used += g.width;
    end += g.bytes;
  }
  return std::string(text.substr(0, end)) + "…";
}

std::string render_text(const Table& t) {
  const std::vector<size_t> widths = column_widths(t);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.emplace_back(w, '-');
  std::string out = line(t.header, widths, t.right) + line(rule, widths, {});
  for (const auto& row : t.rows) out += line(row, widths, t.right);
  return out;
}

std::string csv_field(std::string_view field, bool own) {
  static constexpr std::string_view kFormulaStart = "=+-@\t\r";
  const bool formula = !own && !field.empty() && kFormulaStart.find(field.front()) != std::string_view::npos;
  if (!formula && field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = formula ? "\"'" : "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string render_csv(const Table& t, const CsvOptions& options) {
  auto row_text = [&](const std::vector<std::string>& cells, bool header) {
    std::string out;
    for (size_t i = 0; i < t.header.size(); ++i) {
      if (i > 0) out += ',';
      // The header holds svcorg's own words, like the numbers of the numeric columns.
      const bool own = header || std::find(t.numeric.begin(), t.numeric.end(), i) != t.numeric.end();
      out += csv_field(cell(cells, i), own);
    }
    return out + "\r\n";
  };
  std::string out = std::string(options.excel ? "\xEF\xBB\xBF" : "") + row_text(t.header, true);
  for (const auto& row : t.rows) out += row_text(row, false);
  return out;
}

}  // namespace svcorg::render
