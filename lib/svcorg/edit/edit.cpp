#include "svcorg/edit/edit.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <tuple>

namespace svcorg::edit {

std::string line_end(std::string_view text) {
  const size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

namespace {

// True when `text` holds nothing but blank lines and comments (no document yet).
bool only_comments(std::string_view text) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return false;
    at = end + 1;
  }
  return true;
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
    if (!(std::isalnum(ch) || ch == ' ' || ch == '.' || ch == '_' || ch == '(' || ch == ')' || ch == '/' ||
          ch == '-'))
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
  for (;; ++number) {
    std::string digits = std::to_string(number);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    std::string id = prefix + "-" + std::to_string(year) + "-" + digits;
    if (!used.count(id)) return id;
  }
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
  return out;
}

}  // namespace svcorg::edit
