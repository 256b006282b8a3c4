#include "svcorg/l10n/catalogue.hpp"

#include <map>
#include <stdexcept>

#include "svcorg/l10n/labels.hpp"
#include "svcorg/util/embedded.hpp"
#include "svcorg/yaml/parse.hpp"

namespace svcorg::l10n {

using i18n::Arg;
using i18n::Lang;
using i18n::Message;

namespace {

struct Catalogue {
  // id → {en, zh-CN}
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> messages;
  std::map<std::string, std::string, std::less<>> file_of;
};

const Catalogue& catalogue() {
  static const Catalogue cat = [] {
    Catalogue out;
    for (size_t i = 0; i < embedded::messages_count; ++i) {
      const embedded::File& f = embedded::messages[i];
      std::vector<yaml::ParseIssue> issues;
      auto docs = yaml::parse_all(f.bytes, issues);
      if (!issues.empty() || docs.size() != 1 || !docs.front().is_map())
        throw std::logic_error(std::string("the embedded message catalogue does not parse: ") + f.path);
      for (const auto& [key, value] : docs.front().entries) {
        const yaml::Node* en = value.find("en");
        const yaml::Node* zh = value.find("zh-CN");
        if (!en || !zh || !en->is_scalar() || !zh->is_scalar() || out.messages.count(key.value))
          throw std::logic_error("the embedded message catalogue is malformed at " + key.value);
        out.messages.emplace(key.value, std::make_pair(en->value, zh->value));
        out.file_of.emplace(key.value, f.path);
      }
    }
    return out;
  }();
  return cat;
}

}  // namespace

const std::string* find_template(std::string_view id, Lang lang) {
  const auto& m = catalogue().messages;
  auto it = m.find(id);
  if (it == m.end()) return nullptr;
  return lang == Lang::ZhCN ? &it->second.second : &it->second.first;
}

std::vector<Entry> entries() {
  std::vector<Entry> out;
  for (const auto& [id, file] : catalogue().file_of) out.push_back({id, file});
  return out;
}

std::vector<std::string> placeholders(std::string_view t) {
  std::vector<std::string> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '{') {
      ++i;
      continue;
    }
    if (t[i] != '{') continue;
    size_t end = t.find('}', i);
    if (end == std::string_view::npos) break;
    std::string name(t.substr(i + 1, end - i - 1));
    bool seen = false;
    for (const auto& n : out) seen = seen || n == name;
    if (!seen) out.push_back(std::move(name));
    i = end;
  }
  return out;
}

std::string prose_date(std::string_view iso, Lang lang) {
  if (lang != Lang::ZhCN) return std::string(iso);
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2))
    return std::string(iso);
  auto number = [&](size_t from) { return std::to_string((iso[from] - '0') * 10 + (iso[from + 1] - '0')); };
  return std::string(iso.substr(0, 4)) + "年" + number(5) + "月" + number(8) + "日";
}

namespace {

// Whether `s` starts (front) or ends with an ASCII character.
bool latin_edge(const std::string& s, bool front) {
  if (s.empty()) return false;
  return static_cast<unsigned char>(front ? s.front() : s.back()) < 0x80;
}

}  // namespace

std::string join(const std::vector<std::string>& items, Lang lang, bool or_list) {
  std::string out;
  const bool zh = lang == Lang::ZhCN;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      if (i + 1 < items.size())
        out += zh ? "、" : ", ";
      else if (zh)
        // A space parts 和/或 from a code span or other Latin text, as in the messages
        // (`项目 \`a\` 没有…`): "`a`、`b` 和 `c`", but "甲、乙和丙".
        out += std::string(latin_edge(items[i - 1], false) ? " " : "") + (or_list ? "或" : "和") +
               (latin_edge(items[i], true) ? " " : "");
      else
        out += std::string(items.size() > 2 ? "," : "") + (or_list ? " or " : " and ");
    }
    out += items[i];
  }
  return out;
}

std::string render(const Arg& a, Lang lang) {
  switch (a.kind) {
    case Arg::Kind::Text:
      return a.text;
    case Arg::Kind::Date:
      return prose_date(a.text, lang);
    case Arg::Kind::Label: {
      const std::string* l = labels::label(i18n::code(lang), a.group, a.text);
      return l ? *l : a.text;
    }
    case Arg::Kind::List: {
      std::vector<std::string> items;
      items.reserve(a.items.size());
      for (const auto& i : a.items) items.push_back(render(i, lang));
      return join(items, lang, a.or_list);
    }
    case Arg::Kind::Msg:
      return a.msg.empty() ? std::string() : render(a.msg.front(), lang);
  }
  return a.text;
}

std::string render(const Message& m, Lang lang) {
  const std::string* t = m.id.empty() ? nullptr : find_template(m.id, lang);
  if (!t) {
    // A verbatim text (no id), or an id the catalogue lacks (a test keeps them out):
    // the id, then the arguments.
    std::string out = m.id;
    for (const auto& [name, arg] : m.args) {
      if (!out.empty()) out += ' ';
      out += render(arg, lang);
    }
    return out;
  }
  std::string out;
  out.reserve(t->size() + 32);
  for (size_t i = 0; i < t->size(); ++i) {
    char c = (*t)[i];
    if ((c == '{' || c == '}') && i + 1 < t->size() && (*t)[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    size_t end = t->find('}', i);
    if (end == std::string::npos) {
      out.append(*t, i, std::string::npos);
      break;
    }
    std::string_view name(t->data() + i + 1, end - i - 1);
    for (const auto& [n, arg] : m.args)
      if (n == name) {
        out += render(arg, lang);
        break;
      }
    i = end;
  }
  return out;
}

}  // namespace svcorg::l10n
