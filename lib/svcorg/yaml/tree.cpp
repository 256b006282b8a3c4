#include "svcorg/yaml/tree.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace svcorg::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.is_scalar() && std::string_view(k.value) == key) return &v;
  return nullptr;
}

Pos Node::first_key_pos() const {
  if (is_map() && !entries.empty()) return entries.front().first.pos;
  return pos;
}

namespace {

bool digits(std::string_view s, size_t& i, bool (*ok)(char)) {
  const size_t from = i;
  while (i < s.size() && ok(s[i])) ++i;
  return i > from;
}
bool dec(char c) {
  return c >= '0' && c <= '9';
}
bool oct(char c) {
  return c >= '0' && c <= '7';
}
bool hex(char c) {
  return dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// YAML 1.2 core schema: [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool is_int(std::string_view s) {
  size_t i = 0;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    i = 2;
    return digits(s, i, s[1] == 'o' ? oct : hex) && i == s.size();
  }
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  return digits(s, i, dec) && i == s.size();
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
bool is_float(std::string_view s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::string_view rest = s.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits(s, i, dec)) return false;
  } else {
    if (!digits(s, i, dec)) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits(s, i, dec);
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!digits(s, i, dec)) return false;
  }
  return i == s.size();
}

}  // namespace

bool is_null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";  // views: lengths first
}

ScalarKind resolve(const Node& n) {
  if (n.type == Node::Type::Null) return ScalarKind::Null;
  if (!n.plain) return ScalarKind::String;
  // Views, so that each comparison checks the length first: this runs for every scalar
  // field of every record, nearly all of them texts (comparing the std::string with each
  // literal ran strlen and memcmp eleven times: a tenth of a cold run).
  const std::string_view s = n.value;
  if (is_null_text(s)) return ScalarKind::Null;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
    return ScalarKind::Bool;
  if (s.size() > 64) return ScalarKind::String;
  const char c = s[0];
  if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) return ScalarKind::String;
  if (is_int(s)) return ScalarKind::Int;
  if (is_float(s)) return ScalarKind::Float;
  return ScalarKind::String;
}

std::optional<int64_t> int_value(const Node& n) {
  if (!n.is_scalar() || resolve(n) != ScalarKind::Int) return std::nullopt;
  std::string_view s = n.value;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    base = s[1] == 'x' ? 16 : 8;
    s.remove_prefix(2);
  }
  uint64_t mag = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), mag, base);
  if (ec != std::errc() || p != s.data() + s.size() || mag > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return negative ? -static_cast<int64_t>(mag) : static_cast<int64_t>(mag);
}

std::optional<double> number_value(const Node& n) {
  if (auto i = int_value(n)) return static_cast<double>(*i);
  if (!n.is_scalar() || resolve(n) != ScalarKind::Float) return std::nullopt;
  const std::string& s = n.value;
  if (s.find_first_of("iInN") != std::string::npos) return std::nullopt;  // .inf, .nan
  const double v = std::strtod(s.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

bool is_extension(const Node& key) {
  return key.is_scalar() && std::string_view(key.value).substr(0, 2) == "x-";
}

i18n::Message describe(const Node& n) {
  switch (n.type) {
    case Node::Type::Null:
      return i18n::Message("yaml.value.null");
    case Node::Type::Seq:
      return i18n::Message("yaml.value.list");
    case Node::Type::Map:
      return i18n::Message("yaml.value.mapping");
    case Node::Type::Scalar:
      break;
  }
  std::string shown = n.value.size() > 40 ? n.value.substr(0, 37) + "..." : n.value;
  switch (resolve(n)) {
    case ScalarKind::Null:
      return i18n::Message("yaml.value.null");
    case ScalarKind::Bool:
      return i18n::Message("yaml.value.boolean", {{"value", std::move(shown)}});
    case ScalarKind::Int:
      return i18n::Message("yaml.value.integer", {{"value", std::move(shown)}});
    case ScalarKind::Float:
      return i18n::Message("yaml.value.number", {{"value", std::move(shown)}});
    case ScalarKind::String:
      break;
  }
  return i18n::Message(n.plain ? "yaml.value.text" : "yaml.value.quoted-text", {{"value", std::move(shown)}});
}

}  // namespace svcorg::yaml
