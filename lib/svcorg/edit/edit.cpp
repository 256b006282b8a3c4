#include "svcorg/edit/edit.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <tuple>

#include "svcorg/util/text.hpp"
#include "svcorg/yaml/parse.hpp"

namespace svcorg::edit {

std::string line_end(std::string_view text) {
  const size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

namespace {

// True when `text` holds nothing but blank lines and comments (no document yet).
bool only_comments(std::string_view text) {
  return util::every_line(text, [](std::string_view line) {
    const size_t first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos || line[first] == '#';
  });
}

}  // namespace

std::string append_document(std::string_view old, std::string_view document) {
  const std::string eol = line_end(old);
  std::string out(old);
  if (!out.empty() && out.back() != '\n') out += eol;
  if (!only_comments(old)) out += "---" + eol;
  for (char ch : document) {
    if (ch == '\n')
      out += eol;
    else
      out += ch;
  }
  return out;
}

std::string scalar(std::string_view text) {
  bool plain = !text.empty() && text.front() != ' ' && text.back() != ' ';
  bool ascii_only = true;
  for (unsigned char ch : text) {
    if (ch >= 0x80) {
      ascii_only = false;
      continue;
    }
    if (!(std::isalnum(ch) || ch == ' ' || ch == '.' || ch == '_' || ch == '(' || ch == ')' || ch == '/' || ch == '-'))
      plain = false;
  }
  if (plain && !text.empty() && text.front() == '-') plain = false;
  if (plain && ascii_only) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    static const std::set<std::string> kWords = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"};
    plain = std::isalpha(static_cast<unsigned char>(text.front())) && !kWords.count(lower);
  }
  if (plain) return std::string(text);
  std::string out = "\"";
  for (unsigned char ch : text) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch < 0x20 || ch == 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out + "\"";
}

std::string next_need_id(const std::vector<std::string>& existing, const std::string& branch, int year,
                         const std::vector<std::string>& taken) {
  return next_need_ids(existing, branch, year, taken, 1).front();
}

std::vector<std::string> next_need_ids(const std::vector<std::string>& existing, const std::string& branch, int year,
                                       const std::vector<std::string>& taken, size_t count) {
  static const std::regex kPattern(R"(^(.+)-(\d{4})-(\d+)$)");
  struct Found {
    std::string prefix;
    int year = 0;
    long number = 0;
    size_t width = 0;
  };
  std::optional<Found> this_year, any_year;
  for (const auto& id : existing) {
    std::smatch m;
    if (!std::regex_match(id, m, kPattern) || m[3].length() > 9) continue;
    const Found f{m[1].str(), std::stoi(m[2].str()), std::stol(m[3].str()), static_cast<size_t>(m[3].length())};
    if (f.year == year && (!this_year || f.number > this_year->number)) this_year = f;
    if (!any_year || std::tie(f.year, f.number) > std::tie(any_year->year, any_year->number)) any_year = f;
  }
  std::string prefix = branch;
  long number = 1;
  size_t width = 3;
  if (this_year) {
    prefix = this_year->prefix;
    number = this_year->number + 1;
    width = this_year->width;
  } else if (any_year) {
    prefix = any_year->prefix;
    width = any_year->width;
  }
  const std::set<std::string> used(taken.begin(), taken.end());
  std::vector<std::string> ids;
  for (; ids.size() < count; ++number) {
    std::string digits = std::to_string(number);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    std::string id = prefix + "-" + std::to_string(year) + "-" + digits;
    if (!used.count(id)) ids.push_back(std::move(id));
  }
  return ids;
}

std::string need_document(const NewNeed& n) {
  std::string out = "apiVersion: svcorg/v1\nkind: Need\n";
  auto field = [&out](const char* key, const std::string& value) { out += std::string(key) + ": " + value + "\n"; };
  field("id", scalar(n.id));
  field("branch", scalar(n.branch));
  field("received", n.received);
  field("channel", n.channel);
  field("category", scalar(n.category));
  field("summary", scalar(n.summary));
  if (n.scope) field("scope", *n.scope);
  field("layer", n.layer);
  field("disposal", n.disposal);
  if (n.relayed_to) field("relayed_to", scalar(*n.relayed_to));
  if (n.due) field("due", *n.due);
  field("status", "received");
  out += "events:\n  - {date: " + n.received + ", status: received}\n";
  if (n.source) out += "x-source: {system: " + scalar(n.source->first) + ", case: " + scalar(n.source->second) + "}\n";
  return out;
}

namespace {

// The byte offset of a position (1-based line, code-point column) in `text`.
size_t offset_of(std::string_view text, Pos pos) {
  size_t at = 0;
  for (uint32_t line = 1; line < pos.line && at < text.size(); ++line) {
    const size_t nl = text.find('\n', at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  for (uint32_t col = 1; col < pos.col && at < text.size(); ++col) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

size_t line_start(std::string_view text, size_t at) {
  const size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// The offset after the line holding `at` (its line end included; the text's end if none).
size_t after_line(std::string_view text, size_t at) {
  const size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

// The offset after the lines of a block whose first line holds `at`: that line and the
// following lines indented more than `indent` (blank lines and comments between them
// included, trailing ones not).
size_t block_end(std::string_view text, size_t at, size_t indent) {
  size_t last = after_line(text, at);
  for (size_t next = last; next < text.size();) {
    const size_t end = after_line(text, next);
    const std::string_view line = text.substr(next, end - next);
    const size_t first = line.find_first_not_of(' ');
    const bool blank =
        first == std::string_view::npos || line[first] == '\n' || line[first] == '\r' || line[first] == '#';
    if (!blank) {
      if (first <= indent) break;
      last = end;
    }
    next = end;
  }
  return last;
}

// The end of the scalar that starts at `at`: a quoted one's closing quote, else before a
// comment or the line end.
size_t scalar_end(std::string_view text, size_t at) {
  const size_t line_end =
      text.find_first_of("\r\n", at) == std::string_view::npos ? text.size() : text.find_first_of("\r\n", at);
  if (at < text.size() && (text[at] == '"' || text[at] == '\'')) {
    const char quote = text[at];
    for (size_t i = at + 1; i < line_end; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < line_end && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i + 1;
      }
    }
    return line_end;
  }
  size_t end = line_end;
  const size_t comment = text.substr(at, line_end - at).find(" #");
  if (comment != std::string_view::npos) end = at + comment;
  while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end;
}

// The Need `id`'s document, parsed from `text`.
std::optional<yaml::Node> find_need(std::string_view text, const std::string& id) {
  std::vector<yaml::ParseIssue> issues;
  for (auto& doc : yaml::parse_all(text, issues)) {
    const yaml::Node* kind = doc.find("kind");
    const yaml::Node* i = doc.find("id");
    if (kind && kind->value == "Need" && i && i->is_scalar() && i->value == id) return std::move(doc);
  }
  return std::nullopt;
}

// The text with [begin, end) replaced by `with`.
std::string spliced(std::string_view text, size_t begin, size_t end, std::string_view with) {
  std::string out(text.substr(0, begin));
  out += with;
  out += text.substr(end);
  return out;
}

// A line of `text` to insert at `at`: the previous line ended first if it was not.
std::string line_at(std::string_view text, size_t at, const std::string& line) {
  const std::string eol = line_end(text);
  return (at > 0 && text[at - 1] != '\n' ? eol : "") + line + eol;
}

// The key `key` of a mapping, or nullptr.
const yaml::Node* key_of(const yaml::Node& map, const char* key) {
  for (const auto& [k, v] : map.entries)
    if (k.is_scalar() && k.value == key) return &k;
  return nullptr;
}

}  // namespace

Edited move_need(std::string_view text, const std::string& id, const Event& event,
                 const std::optional<std::string>& reason) {
  const std::optional<yaml::Node> need = find_need(text, id);
  if (!need) return {"", Refusal::NotFound};
  const yaml::Node* events = need->find("events");
  const yaml::Node* status = need->find("status");
  if (!status || !status->is_scalar()) return {"", Refusal::NoStatus};
  if (!events || !events->is_seq() || events->items.empty() || text[offset_of(text, events->pos)] == '[')
    return {"", Refusal::FlowEvents};
  // Edits from the end of the text backwards, so earlier offsets stay right.
  struct Splice {
    size_t begin, end;
    std::string with;
  };
  std::vector<Splice> splices;
  const size_t item = offset_of(text, events->items.back().pos);
  const size_t dash = text.rfind('-', item);
  const size_t indent = dash - line_start(text, dash);
  const size_t at = block_end(text, dash, indent);
  std::string line = std::string(indent, ' ') + "- {date: " + event.date + ", status: " + event.status;
  if (event.note) line += ", note: " + scalar(*event.note);
  splices.push_back({at, at, line_at(text, at, line + "}")});
  const size_t s = offset_of(text, status->pos);
  splices.push_back({s, scalar_end(text, s), event.status});
  if (reason) {
    if (const yaml::Node* r = need->find("reason"); r && r->is_scalar()) {
      const size_t b = offset_of(text, r->pos);
      splices.push_back({b, scalar_end(text, b), scalar(*reason)});
    } else {
      const size_t key = offset_of(text, key_of(*need, "status")->pos);
      const size_t after = after_line(text, s);
      splices.push_back(
          {after, after,
           line_at(text, after, std::string(key - line_start(text, key), ' ') + "reason: " + scalar(*reason))});
    }
  }
  std::sort(splices.begin(), splices.end(), [](const Splice& a, const Splice& b) { return a.begin > b.begin; });
  std::string out(text);
  for (const auto& sp : splices) out = spliced(out, sp.begin, sp.end, sp.with);
  return {out, Refusal::None};
}

Edited set_feedback(std::string_view text, const std::string& id, int satisfaction,
                    const std::optional<std::string>& date) {
  const std::optional<yaml::Node> need = find_need(text, id);
  if (!need) return {"", Refusal::NotFound};
  std::string value = "feedback: {satisfaction: " + std::to_string(satisfaction);
  if (date) value += ", date: " + *date;
  value += "}";
  const yaml::Node* key = key_of(*need, "feedback");
  if (!key) key = &need->entries.back().first;
  const size_t k = offset_of(text, key->pos);
  const size_t indent = k - line_start(text, k);
  const size_t end = block_end(text, k, indent);
  if (key->value == "feedback") {
    const std::string eol = end > 0 && text[end - 1] == '\n' ? line_end(text) : "";
    return {spliced(text, line_start(text, k), end, std::string(indent, ' ') + value + eol), Refusal::None};
  }
  return {spliced(text, end, end, line_at(text, end, std::string(indent, ' ') + value)), Refusal::None};
}

}  // namespace svcorg::edit
