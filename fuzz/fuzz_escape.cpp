// libFuzzer target: md::escape(), md::code() and md::mermaid_label() against the real
// renderer (docs/RELIABILITY.md, "fuzz_escape").
//
// The input is one piece of user text. Inputs that are not valid UTF-8 are skipped (svcorg
// only reads UTF-8 YAML, and cmark-gfm would replace the bad bytes with U+FFFD, which is
// not an escaping question). For each context svcorg puts user text in, a small document
// is rendered by the cmark-gfm C library with GitHub's extensions (table, autolink,
// strikethrough, tagfilter) and CMARK_OPT_DEFAULT (raw HTML is not rendered: cmark-gfm
// writes `<!-- raw HTML omitted -->`, which counts as a failure here). The oracle:
//   (a) the HTML's tags are exactly the structure expected for the context (p; ul/li; h2;
//       table/thead/tbody/tr/th/td; code only for code()): no a, img, em, strong, del,
//       br, pre, blockquote, hr, ol, other headings, nor the raw-HTML-omitted comment;
//   (b) the table has one body row of exactly two cells, the second being `x`;
//   (c) the text of the escaped element, HTML-unescaped, equals normalize(input):
//       the normalization escape() documents (CR LF, CR, LF, tab and every other ASCII
//       control character, NUL and DEL included, become one space each; leading blanks
//       and byte order marks U+FEFF dropped) plus what cmark-gfm does to every inline context: trailing spaces
//       stripped. escape() also puts a U+2060 WORD JOINER before every `@` (to stop
//       GFM's e-mail autolinks). Runs of inner spaces are kept: cmark-gfm keeps them in the HTML.
// mermaid_label() must never contain `"` `<` `>` `&` `#` `;` backtick `%` or a line break.
// A violation prints the input, the Markdown and the HTML, then aborts.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/render/markdown.hpp"

namespace md = svcorg::render::md;

namespace {

bool valid_utf8(const uint8_t* p, size_t n) {
  size_t i = 0;
  while (i < n) {
    const uint8_t c = p[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::string_view g_input;

[[noreturn]] void fail(const char* context, const std::string& why, const std::string& markdown,
                       const std::string& html) {
  std::fprintf(
      stderr,
      "\n=== fuzz_escape violation in %s: %s\n--- input (%zu bytes):\n%.*s\n--- markdown:\n%s\n--- html:\n%s\n===\n",
      context, why.c_str(), g_input.size(), static_cast<int>(g_input.size()), g_input.data(), markdown.c_str(),
      html.c_str());
  std::abort();
}

std::string render(const std::string& markdown) {
  static cmark_syntax_extension* exts[4] = {nullptr, nullptr, nullptr, nullptr};
  if (!exts[0]) {
    cmark_gfm_core_extensions_ensure_registered();
    const char* names[4] = {"table", "autolink", "strikethrough", "tagfilter"};
    for (int i = 0; i < 4; ++i) {
      exts[i] = cmark_find_syntax_extension(names[i]);
      if (!exts[i]) {
        std::fprintf(stderr, "cmark-gfm extension %s missing\n", names[i]);
        std::abort();
      }
    }
  }
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (auto* e : exts) cmark_parser_attach_syntax_extension(parser, e);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

// What the escaped text must show as (see the header comment).
std::string normalize(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (c < 0x20 || c == 0x7F)
      out += ' ';
    else if (c == '@')
      out += "\u2060@";
    else
      out += static_cast<char>(c);
  }
  size_t b = 0;
  while (b < out.size() && (out[b] == ' ' || out.compare(b, 3, "\xEF\xBB\xBF") == 0)) b += out[b] == ' ' ? 1 : 3;
  const size_t e = out.find_last_not_of(' ');
  if (b >= out.size() || e == std::string::npos || e < b) return "";
  return out.substr(b, e - b + 1);
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80)
    out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// HTML text → text: &amp; &lt; &gt; &quot; and numeric entities. False on anything else.
bool html_unescape(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) return false;
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      const std::string digits(ent.substr(hex ? 2 : 1));
      if (digits.empty()) return false;
      char* end = nullptr;
      const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (*end != '\0') return false;
      append_utf8(out, static_cast<uint32_t>(cp));
    } else {
      return false;
    }
    i = semi;
  }
  return true;
}

struct Tag {
  std::string name;   // "p", "/p", "!--" for a comment
  size_t begin, end;  // [begin, end) of the tag in the HTML
};

std::vector<Tag> tags_of(const std::string& html) {
  std::vector<Tag> tags;
  for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    size_t j = i + 1;
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t e = html.find("-->", i);
      tags.push_back({"!--", i, e == std::string::npos ? html.size() : e + 3});
      continue;
    }
    if (j < html.size() && html[j] == '/') ++j;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])))) ++j;
    const size_t e = html.find('>', i);
    tags.push_back({html.substr(i + 1, j - i - 1), i, e == std::string::npos ? html.size() : e + 1});
  }
  return tags;
}

std::string join(const std::vector<Tag>& tags) {
  std::string s;
  for (const auto& t : tags) s += "<" + t.name + ">";
  return s;
}

// Checks `html` has exactly the tags `want` (names, in order) and that the text between
// tags[from] and tags[to] (tags inside it removed), unescaped, is `text`.
void check(const char* context, const std::string& markdown, const std::string& html,
           const std::vector<std::string>& want, size_t from, size_t to, const std::string& text) {
  const auto tags = tags_of(html);
  for (const auto& t : tags)
    if (t.name == "!--") fail(context, "raw HTML reached the renderer (<!-- raw HTML omitted -->)", markdown, html);
  bool same = tags.size() == want.size();
  for (size_t i = 0; same && i < tags.size(); ++i) same = tags[i].name == want[i];
  if (!same) {
    std::string w;
    for (const auto& n : want) w += "<" + n + ">";
    fail(context, "tags " + join(tags) + ", expected " + w, markdown, html);
  }
  std::string inner;
  for (size_t i = from; i < to; ++i) inner += html.substr(tags[i].end, tags[i + 1].begin - tags[i].end);
  std::string shown;
  if (!html_unescape(inner, shown)) fail(context, "unexpected entity in the text", markdown, html);
  if (shown != text) fail(context, "text shows as [" + shown + "], expected [" + text + "]", markdown, html);
}

void check_mermaid(const std::string& text) {
  const std::string label = md::mermaid_label(text);
  for (char c : label) {
    if (std::strchr("\"<>&#;`%\n\r", c) != nullptr && c != '\0')
      fail("mermaid_label", std::string("label contains '") + c + "'", label, "");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096 || !valid_utf8(data, size)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  g_input = text;
  const std::string want = normalize(text);
  const std::string esc = md::escape(text);

  {  // paragraph (an empty text makes an empty document)
    const std::string doc = esc + "\n";
    const std::string html = render(doc);
    if (want.empty())
      check("paragraph", doc, html, {}, 0, 0, want);
    else
      check("paragraph", doc, html, {"p", "/p"}, 0, 1, want);
  }
  {  // list item
    const std::string doc = "- " + esc + "\n";
    check("list item", doc, render(doc), {"ul", "li", "/li", "/ul"}, 1, 2, want);
  }
  {  // heading
    const std::string doc = md::heading(2, esc);
    check("heading", doc, render(doc), {"h2", "/h2"}, 0, 1, want);
  }
  {  // table cell
    const std::string doc = "| a | b |\n| --- | --- |\n| " + esc + " | x |\n";
    const std::string html = render(doc);
    // table thead tr th /th th /th /tr /thead tbody tr td(10) /td td(12) /td /tr /tbody /table
    check("table cell", doc, html,
          {"table", "thead", "tr", "th", "/th", "th", "/th", "/tr", "/thead", "tbody", "tr", "td", "/td", "td", "/td",
           "/tr", "/tbody", "/table"},
          11, 12, want);
    check("table cell 2", doc, html,
          {"table", "thead", "tr", "th", "/th", "th", "/th", "/tr", "/thead", "tbody", "tr", "td", "/td", "td", "/td",
           "/tr", "/tbody", "/table"},
          13, 14, "x");
  }
  {  // code(): a code span, or escaped text when the text cannot be one
    const std::string c = md::code(text);
    const bool span = !c.empty() && c[0] == '`';
    const std::string doc = c + "\n";
    const std::string html = render(doc);
    // A code span shows its text verbatim (code() only makes one of text with no control
    // character and no blank at either end; no autolinks in it, so no word joiner).
    const std::string want_code = span ? text : want;
    if (span)
      check("code", doc, html, {"p", "code", "/code", "/p"}, 0, 3, want_code);
    else if (want.empty())
      check("code", doc, html, {}, 0, 0, want);
    else
      check("code", doc, html, {"p", "/p"}, 0, 1, want);
    const std::string cell = "| a | b |\n| --- | --- |\n| " + c + " | x |\n";
    std::vector<std::string> tags = {"table", "thead", "tr",     "th",    "/th", "th",
                                     "/th",   "/tr",   "/thead", "tbody", "tr",  "td"};
    if (span) tags.insert(tags.end(), {"code", "/code"});
    tags.insert(tags.end(), {"/td", "td", "/td", "/tr", "/tbody", "/table"});
    const std::string chtml = render(cell);
    check("code in a table cell", cell, chtml, tags, 11, span ? 14 : 12, want_code);
    check("code in a table cell 2", cell, chtml, tags, span ? 15 : 13, span ? 16 : 14, "x");
  }
  check_mermaid(text);
  return 0;
}
