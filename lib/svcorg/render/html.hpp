// Safe HTML building blocks (the HTML counterpart of markdown.hpp): every piece of user
// text goes through escape(), so it shows as text and never as markup. document() writes
// one self-contained file: inline CSS for screen and A4 print, no script, no URL, nothing
// fetched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::render::html {

// Text for an element or an attribute value: `&`, `<`, `>`, `"` and `'` as character
// references; line breaks (CR LF counting as one), tabs and every other ASCII control
// character folded to one space (HTML shows them as blanks anyway, and some are not
// allowed in a document).
std::string escape(std::string_view text);

// An identifier (`mly-2026-014`) or an ISO date in a <code> that never wraps, so it does
// not break at its hyphens.
std::string code(std::string_view id);
// A value that must stay on one line (a date, a grade, a status): a nowrap <span>.
std::string nowrap(const std::string& escaped);

// <hN>; `page_break` starts it on a new printed page.
std::string heading(int level, const std::string& escaped_text, bool page_break = false);
std::string paragraph(const std::string& escaped_html);

struct Table {
  std::vector<std::string> header;             // already escaped
  std::vector<std::vector<std::string>> rows;  // already escaped
  std::vector<size_t> right;                   // numeric columns: right-aligned, never wrapped
  std::vector<size_t> nowrap;                  // short values kept on one line (dates, grades)
};
// A <table> with a <thead> (repeated on each printed page); every row gets exactly as many
// cells as the header.
std::string table(const Table& t);

// A note under a table, e.g. "and 12 more" when it is capped.
std::string more(const std::string& escaped_html);

// A box that stands out, for what needs attention first.
std::string callout(const std::string& body_html);

// A chart (svg.hpp) with its caption, kept on one printed page.
std::string figure(const std::string& svg, const std::string& escaped_caption);

// A progress bar drawn in CSS with its percentage, for a fraction in [0, 1].
std::string progress(double fraction);

// The whole file: `<!doctype html>`, `<html lang>` (zh-CN or en), UTF-8, the title, the
// inline style sheet, `body_html`.
std::string document(const std::string& title, i18n::Lang lang, const std::string& body_html);

}  // namespace svcorg::render::html
