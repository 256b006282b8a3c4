#include "svcorg/yaml/parse.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <new>
#include <optional>

#include "svcorg/util/text.hpp"
#include "svcorg/yaml/builder.hpp"
#include "svcorg/yaml/hints.hpp"
#include "svcorg/yaml/libyaml_words.hpp"

namespace svcorg::yaml {

namespace {

// libyaml's parser, deleted on every path out (errors and StopParsing included).
class LibyamlParser {
 public:
  explicit LibyamlParser(std::string_view bytes) {
    if (yaml_parser_initialize(&parser_) == 0) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  }
  ~LibyamlParser() { yaml_parser_delete(&parser_); }
  LibyamlParser(const LibyamlParser&) = delete;
  LibyamlParser& operator=(const LibyamlParser&) = delete;

  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_;
};

// One event, deleted when it goes out of scope.
class Event {
 public:
  Event() = default;
  ~Event() {
    if (live_) yaml_event_delete(&event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  // The next event, or false on a syntax error (the parser holds the problem).
  bool next(yaml_parser_t* parser) {
    if (live_) yaml_event_delete(&event_);
    live_ = yaml_parser_parse(parser, &event_) != 0;
    return live_;
  }
  const yaml_event_t& operator*() const { return event_; }
  const yaml_event_t* operator->() const { return &event_; }

 private:
  yaml_event_t event_{};
  bool live_ = false;
};

// The position of a byte offset, for the few places that have one (the UTF-8 check, the
// end of the input): 1-based line and code-point column. Error paths only (one scan).
Pos pos_at_byte(std::string_view text, size_t offset, uint32_t line_offset) {
  if (offset > text.size()) offset = text.size();
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return Pos{line + line_offset,
             static_cast<uint32_t>(util::codepoints(text.substr(line_start, offset - line_start)) + 1)};
}

// The byte offset of the character at `index` (libyaml's marks count characters).
size_t byte_of_index(std::string_view text, size_t index) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == index) return i;
  }
  return text.size();
}

// Where libyaml (a YAML 1.1 reader) and YAML 1.2 (and every editor) disagree on what a
// line is: NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) are
// line breaks for libyaml, ordinary characters in YAML 1.2 (util::scan_utf8 finds them).
const char* unicode_break_name(char32_t cp) {
  switch (cp) {
    case 0x85:
      return "U+0085 (NEXT LINE)";
    case 0x2028:
      return "U+2028 (LINE SEPARATOR)";
    default:
      return "U+2029 (PARAGRAPH SEPARATOR)";
  }
}

// Whether a stream holds nothing but blanks, comments and document markers (`---`, `...`).
bool blank(std::string_view text) {
  return util::every_line(text, [](std::string_view line) {
    const size_t first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos || line[first] == '#' || line.rfind("---", 0) == 0 ||
           line.rfind("...", 0) == 0;
  });
}

// A libyaml string (a tag or an anchor name; none when null) as a view.
std::string_view view(const yaml_char_t* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

// Where the comma between two entries of a flow collection goes, given where libyaml
// stopped (the next entry, or the `:` after its key): after the end of the entry before,
// outside any comment.
Pos missing_comma_pos(std::string_view text, size_t stop, uint32_t line_offset) {
  size_t i = std::min(stop, text.size());
  if (i < text.size() && text[i] == ':')  // the key of the next entry: go back over it
    while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n' && text[i - 1] != ',' && text[i - 1] != '{') --i;
  for (;;) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n' || text[i - 1] == '\r')) --i;
    // A comment on that line: the comma goes before it.
    const size_t nl = i == 0 ? std::string_view::npos : text.rfind('\n', i - 1);
    const size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    const size_t hash = text.substr(line_start, i - line_start).find(" #");
    if (hash == std::string_view::npos) break;
    i = line_start + hash;
    if (i == line_start) break;
  }
  return pos_at_byte(text, i, line_offset);
}

// libyaml's syntax error as a finding. An unclosed quote or `[`/`{` points at its opening
// character (libyaml's context mark); an error at the very end of the input at the end of
// the last line; any other at libyaml's problem mark, with its context when it adds one.
ParseIssue syntax_issue(const yaml_parser_t& p, const TreeBuilder& builder, std::string_view text,
                        uint32_t line_offset) {
  auto at = [&](const yaml_mark_t& m) {
    return Pos{static_cast<uint32_t>(m.line + 1) + line_offset, static_cast<uint32_t>(m.column + 1)};
  };
  const std::string problem = p.problem != nullptr ? p.problem : "unknown error";
  const std::string context = p.context != nullptr ? p.context : "";
  if (p.error == YAML_READER_ERROR) {
    // Bad characters: the UTF-8 check ran first, so these are control characters.
    const Pos pos = pos_at_byte(text, p.problem_offset, line_offset);
    if (p.problem_value >= 0)
      return {pos,
              "yaml-syntax",
              i18n::Message("yaml.control-character",
                            {{"code", fmt::format("{:04X}", static_cast<unsigned>(p.problem_value))}}),
              {}};
    return {pos, "yaml-syntax", i18n::Message("yaml.invalid", {{"problem", problem_words(problem)}}), {}};
  }
  const bool at_end = p.problem_mark.index >= util::codepoints(text);
  if (context == "while scanning a quoted scalar" && problem == "found unexpected end of stream") {
    const size_t quote = byte_of_index(text, p.context_mark.index);
    const char q = quote < text.size() ? text[quote] : '"';
    return {at(p.context_mark),
            "yaml-syntax",
            i18n::Message("yaml.unclosed-quote", {{"quote", q == '\'' ? "'" : "\""}}),
            {}};
  }
  // libyaml reads anchor and alias names of ASCII letters, digits, `-` and `_` only.
  if ((context == "while scanning an anchor" || context == "while scanning an alias") &&
      problem == "did not find expected alphabetic or numeric character") {
    const bool anchor = context == "while scanning an anchor";
    return {at(p.context_mark), "yaml-syntax", i18n::Message(anchor ? "yaml.anchor-name" : "yaml.alias-name"), {}};
  }
  if (problem == "found character that cannot start any token") {
    const size_t b = byte_of_index(text, p.problem_mark.index);
    if (b < text.size() && text[b] == '\t') return {at(p.problem_mark), "yaml-syntax", i18n::Message("yaml.tab"), {}};
  }
  // A spreadsheet's export given as records.
  if (line_offset == 0 && looks_like_table(text)) return {Pos{1, 1}, "yaml-syntax", i18n::Message("yaml.table"), {}};
  // Full-width punctuation typed for YAML's own, on the lines from where the construct
  // libyaml was reading started (the line before the problem when it does not say) to
  // the problem (at most 20 lines).
  {
    const auto last = static_cast<uint32_t>(p.problem_mark.line + 1);
    uint32_t first =
        context.empty() ? last - (last > 1 ? 1 : 0) : std::min(last, static_cast<uint32_t>(p.context_mark.line + 1));
    first = std::max(first, last > 20 ? last - 20 : 1);
    if (auto hint = fullwidth_in_lines(text, first, last))
      return {Pos{hint->pos.line + line_offset, hint->pos.col}, "yaml-syntax", std::move(hint->message), {}};
  }
  auto unclosed = [](Pos pos, bool seq) {
    return ParseIssue{pos, "yaml-syntax", i18n::Message(seq ? "yaml.unclosed-list" : "yaml.unclosed-mapping"), {}};
  };
  // A `[` or `{` whose list goes on past its line (or to the end of the input) without
  // its `,` or closing bracket: a missing comma when the bracket is closed further on
  // (where libyaml stopped is the next entry: the comma goes after the entry before it),
  // else a forgotten closing bracket.
  const bool flow_seq = context == "while parsing a flow sequence";
  const bool flow_map = context == "while parsing a flow mapping";
  if ((flow_seq || flow_map) && problem.rfind("did not find expected ','", 0) == 0 &&
      (at_end || p.problem_mark.line > p.context_mark.line)) {
    const size_t open = byte_of_index(text, p.context_mark.index);
    if (!at_end && flow_close(text, open))
      return {missing_comma_pos(text, byte_of_index(text, p.problem_mark.index), line_offset),
              "yaml-syntax",
              i18n::Message(flow_seq ? "yaml.missing-comma-list" : "yaml.missing-comma-mapping",
                            {{"line", p.context_mark.line + 1 + line_offset}, {"column", p.context_mark.column + 1}}),
              {}};
    return unclosed(at(p.context_mark), flow_seq);
  }
  // Any other error at the end of the input inside a `[` or `{` (`[1,` then the end).
  if (at_end)
    if (const Node* flow = builder.open_flow()) return unclosed(flow->pos, flow->is_seq());
  Pos pos = at(p.problem_mark);
  // At the very end of a file ending in a newline, point at the end of the last line.
  if (at_end && !text.empty())
    pos = pos_at_byte(text, text.back() == '\n' ? text.size() - 1 : text.size(), line_offset);
  i18n::Message message("yaml.invalid", {{"problem", problem_words(problem)}});
  if (!context.empty()) {
    const Pos cpos = at(p.context_mark);
    if (cpos == at(p.problem_mark))
      message = i18n::Message("yaml.invalid.context",
                              {{"problem", problem_words(problem)}, {"context", context_words(context)}});
    else
      message = i18n::Message("yaml.invalid.context-at", {{"problem", problem_words(problem)},
                                                          {"context", context_words(context)},
                                                          {"line", cpos.line},
                                                          {"column", cpos.col}});
  }
  return {pos, "yaml-syntax", std::move(message), {}};
}

}  // namespace

bool parse_stream(std::string_view bytes, const std::function<void(Node&&)>& on_document,
                  std::vector<ParseIssue>& issues, const ParseLimits& limits, uint32_t line_offset) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // The whole text first: an invalid sequence anywhere wins over a line break before it.
  const util::Utf8Scan scan = util::scan_utf8(bytes);
  if (scan.error) {
    // Text in another encoding: say which (the whole file is checked, on this error path only).
    switch (guess_encoding(bytes)) {
      case Encoding::Utf16:
        issues.push_back({Pos{1 + line_offset, 1}, "yaml-syntax", i18n::Message("yaml.utf16"), {}});
        break;
      case Encoding::Gb18030:
        issues.push_back(
            {pos_at_byte(bytes, scan.error->offset, line_offset), "yaml-syntax", i18n::Message("yaml.gb18030"), {}});
        break;
      case Encoding::Unknown:
        issues.push_back({pos_at_byte(bytes, scan.error->offset, line_offset),
                          "yaml-syntax",
                          i18n::Message("yaml.not-utf8", {{"problem", scan.error->what}}),
                          {}});
        break;
    }
    return false;
  }
  if (const auto& brk = scan.unicode_break) {
    issues.push_back({pos_at_byte(bytes, brk->first, line_offset),
                      "yaml-syntax",
                      i18n::Message("yaml.unicode-break", {{"name", unicode_break_name(brk->second)}}),
                      {}});
    return false;
  }
  LibyamlParser parser(bytes);
  TreeBuilder builder(issues, limits, line_offset);
  auto at = [line_offset](const yaml_mark_t& m) {
    return Pos{static_cast<uint32_t>(m.line + 1) + line_offset, static_cast<uint32_t>(m.column + 1)};
  };
  Event event;
  size_t documents = 0;
  try {
    for (;;) {
      if (!event.next(parser.get())) {
        issues.push_back(syntax_issue(*parser.get(), builder, bytes, line_offset));
        return false;
      }
      const yaml_event_t& e = *event;
      switch (e.type) {
        case YAML_STREAM_END_EVENT:
          if (documents == 0 && limits.empty_is_finding && blank(bytes))
            issues.push_back({Pos{1 + line_offset, 1}, "header", i18n::Message("yaml.empty-file"), {}});
          return true;
        case YAML_DOCUMENT_START_EVENT:
          builder.document_start();
          break;
        case YAML_DOCUMENT_END_EVENT:
          if (auto doc = builder.take(); doc && !doc->is_null()) {
            if (++documents > limits.max_documents) {
              issues.push_back({doc->pos,
                                "yaml-syntax",
                                i18n::Message("yaml.too-many-documents", {{"max", limits.max_documents}}),
                                {}});
              return false;
            }
            on_document(std::move(*doc));
          }
          break;
        case YAML_SCALAR_EVENT: {
          const auto& sc = e.data.scalar;
          const char* value = reinterpret_cast<const char*>(sc.value);
          const bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
          if (sc.tag == nullptr && plain && is_null_text(std::string_view(value, sc.length)))
            builder.null(at(e.start_mark), view(sc.anchor));
          else
            builder.scalar(at(e.start_mark), std::string_view(value, sc.length), plain, view(sc.tag), view(sc.anchor));
          break;
        }
        case YAML_ALIAS_EVENT:
          builder.alias(at(e.start_mark), view(e.data.alias.anchor));
          break;
        case YAML_SEQUENCE_START_EVENT:
          builder.open(Node::Type::Seq, at(e.start_mark), view(e.data.sequence_start.tag),
                       view(e.data.sequence_start.anchor), e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
          break;
        case YAML_MAPPING_START_EVENT:
          builder.open(Node::Type::Map, at(e.start_mark), view(e.data.mapping_start.tag),
                       view(e.data.mapping_start.anchor), e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          builder.close();
          break;
        default:  // stream start, no event
          break;
      }
    }
  } catch (const StopParsing&) {
    return false;
  }
}

std::vector<Node> parse_all(std::string_view bytes, std::vector<ParseIssue>& issues) {
  std::vector<Node> docs;
  ParseLimits limits;
  limits.empty_is_finding = false;
  parse_stream(
      bytes, [&](Node&& n) { docs.push_back(std::move(n)); }, issues, limits);
  return docs;
}

}  // namespace svcorg::yaml
