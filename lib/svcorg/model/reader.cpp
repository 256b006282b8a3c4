#include "svcorg/model/reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "svcorg/model/labels.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::model {

using yaml::Node;
using yaml::ScalarKind;

void Context::report(Pos pos, std::string rule, std::string message, diag::Severity sev) {
  if (sev == diag::Severity::Error && (rule == "schema" || rule == "header")) failed = true;
  diag::Diagnostic d;
  d.file = file;
  d.pos = pos;
  d.severity = sev;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.kind = kind;
  d.id = id;
  sink.add(std::move(d));
}

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// Without fmt: this names every item of every list read (each event of each need).
std::string index_path(const std::string& parent, size_t index) {
  return parent + '[' + std::to_string(index) + ']';
}

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  auto alnum = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); };
  if (!alnum(s[0])) return false;
  return std::all_of(s.begin() + 1, s.end(), [&](char ch) { return alnum(ch) || ch == '.' || ch == '_' || ch == '-'; });
}

bool is_category_word(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  auto ok = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); };
  if (!ok(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [&](char ch) { return ok(ch) || ch == '-'; });
}

namespace {

// A string-typed scalar's text, or a schema error naming what was found instead.
std::optional<std::string> string_scalar(Context& c, const Node& n, const std::string& path, const char* expected) {
  if (n.is_scalar() && !n.tag.empty() && n.tag != "!!str") {
    c.schema(n.pos, fmt::format("`{}` has the YAML tag `{}`; svcorg reads plain values: remove the tag and write {}",
                                path, n.tag, expected));
    return std::nullopt;
  }
  if (n.is_scalar() && yaml::resolve(n) == ScalarKind::String) return n.value;
  if (n.is_scalar() && yaml::resolve(n) != ScalarKind::Null) {
    c.schema(n.pos, fmt::format("`{}` must be {}, not {}; quote it: \"{}\"", path, expected, yaml::describe(n), n.value));
    return std::nullopt;
  }
  c.schema(n.pos, fmt::format("`{}` must be {}, not {}", path, expected, yaml::describe(n)));
  return std::nullopt;
}

// False, with a finding, for a tagged scalar; `expected()` says what to write instead.
template <class Expected>
bool plain_typed(Context& c, const Node& n, const std::string& path, Expected expected) {
  if (n.is_scalar() && !n.tag.empty()) {
    c.schema(n.pos, fmt::format("`{}` has the YAML tag `{}`; remove the tag and write {}", path, n.tag, expected()));
    return false;
  }
  return true;
}

void wrong_type(Context& c, const Node& n, const std::string& path, const std::string& expected) {
  if (n.is_scalar() && !n.plain)
    c.schema(n.pos, fmt::format("`{}` must be {}, not the quoted text \"{}\"; remove the quotes", path, expected, n.value));
  else
    c.schema(n.pos, fmt::format("`{}` must be {}, not {}", path, expected, yaml::describe(n)));
}

std::string bound_words(std::optional<int64_t> min, std::optional<int64_t> max) {
  if (min && max) return fmt::format("an integer from {} to {}", *min, *max);
  if (min) return fmt::format("an integer ≥ {}", *min);
  if (max) return fmt::format("an integer ≤ {}", *max);
  return "an integer";
}

std::string fmt_num(double v) { return fmt::format("{}", v); }

std::string range_words(const NumberRange& r) {
  if (r.min && r.max) return fmt::format("a number from {} to {}", fmt_num(*r.min), fmt_num(*r.max));
  if (r.min) return fmt::format("a number {} {}", r.exclusive_min ? ">" : "≥", fmt_num(*r.min));
  if (r.max) return fmt::format("a number ≤ {}", fmt_num(*r.max));
  return "a number";
}

}  // namespace

std::optional<std::string> read_text(Context& c, const Node& n, const std::string& path) {
  auto s = string_scalar(c, n, path, "text");
  if (s && s->empty()) {
    c.schema(n.pos, fmt::format("`{}` is empty; write the text or remove the field", path));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> read_id(Context& c, const Node& n, const std::string& path) {
  auto s = string_scalar(c, n, path, "an identifier");
  if (!s) return std::nullopt;
  if (!is_id(*s)) {
    c.schema(n.pos, fmt::format("`{}` is `{}`, not an identifier: use 1-64 ASCII letters, digits, `.`, `_` or `-`, "
                                "starting with a letter or digit",
                                path, *s));
    return std::nullopt;
  }
  return s;
}

namespace {

// "did you mean …?" for `written` among `values` and the zh-CN labels and aliases of
// `group`: a label is shown with its value. Empty when nothing is close.
std::string suggestion(const std::string& written, const std::vector<std::string>& values, const char* group) {
  std::vector<std::string> candidates = values;
  for (const auto& w : labels::written_forms(group)) candidates.push_back(w.text);
  const auto near = util::closest(written, candidates);
  if (!near) return "";
  if (std::find(values.begin(), values.end(), *near) != values.end()) return fmt::format("did you mean `{}`?", *near);
  return fmt::format("did you mean `{}` (`{}`)?", *near, *labels::value_of(group, *near));
}

}  // namespace

std::optional<std::string> read_enum(Context& c, const Node& n, const std::string& path,
                                     const std::vector<std::string>& allowed, const char* group) {
  // The common case, an allowed plain string, formats nothing (this runs for every enum
  // field of every record: the list of allowed values was 10% of a cold run).
  const bool plain_string =
      n.is_scalar() && (n.tag.empty() || n.tag == "!!str") && yaml::resolve(n) == ScalarKind::String;
  if (plain_string && std::find(allowed.begin(), allowed.end(), n.value) != allowed.end()) return n.value;
  if (plain_string)
    if (const std::string* value = labels::value_of(group, n.value);
        value && std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
      return *value;
  auto s = string_scalar(c, n, path, fmt::format("one of {}", util::quoted_list(allowed)).c_str());
  if (!s) return std::nullopt;
  const std::string listed = labels::quoted_with_labels(allowed, group);
  if (const std::string near = suggestion(*s, allowed, group); !near.empty())
    c.schema(n.pos, fmt::format("`{}` is `{}`, which is not allowed; {} (allowed: {})", path, *s, near, listed));
  else
    c.schema(n.pos, fmt::format("`{}` is `{}`, which is not allowed; use one of {}", path, *s, listed));
  return std::nullopt;
}

std::optional<std::string> read_category(Context& c, const Node& n, const std::string& path, bool own_labels) {
  auto s = string_scalar(c, n, path, "a category");
  if (!s) return std::nullopt;
  if (is_category_word(*s)) return s;
  if (const std::string* value = labels::value_of("category", *s)) return *value;
  if (util::is_ascii(*s)) {
    c.schema(n.pos, fmt::format("`{}` is `{}`, not a category name: use lowercase ASCII letters, digits and `-` "
                                "(e.g. `elderly-care`)",
                                path, *s));
    return std::nullopt;
  }
  // Chinese text that is no built-in category's label: perhaps the label of one of the
  // District's categories, which the loaded records tell (labels::use_district_labels).
  if (own_labels) return s;
  const std::vector<std::string> builtin = rules::builtin_categories();
  const std::string listed = labels::quoted_with_labels(builtin, "category");
  if (const std::string near = suggestion(*s, builtin, "category"); !near.empty())
    c.schema(n.pos, fmt::format("`{}` is `{}`, which is not the label of a built-in category; {} (built-in "
                                "categories: {})",
                                path, *s, near, listed));
  else
    c.schema(n.pos, fmt::format("`{}` is `{}`, which is not the label of a built-in category; write a category name "
                                "or the label of a built-in category: {}",
                                path, *s, listed));
  return std::nullopt;
}

std::optional<util::Date> read_date(Context& c, const Node& n, const std::string& path) {
  auto s = string_scalar(c, n, path, "a date (YYYY-MM-DD)");
  if (!s) return std::nullopt;
  if (auto d = util::Date::parse(*s)) return d;
  if (s->size() == 10 && (*s)[4] == '-' && (*s)[7] == '-')
    c.schema(n.pos, fmt::format("`{}` is `{}`, which is not a calendar date; check the month and day", path, *s));
  else
    c.schema(n.pos, fmt::format("`{}` is `{}`; write a date as YYYY-MM-DD, e.g. 2026-03-02", path, *s));
  return std::nullopt;
}

std::optional<bool> read_bool(Context& c, const Node& n, const std::string& path) {
  if (!plain_typed(c, n, path, [] { return "true or false"; })) return std::nullopt;
  if (n.is_scalar() && yaml::resolve(n) == ScalarKind::Bool) return n.value[0] == 't' || n.value[0] == 'T';
  wrong_type(c, n, path, "`true` or `false`");
  return std::nullopt;
}

std::optional<int64_t> read_int(Context& c, const Node& n, const std::string& path, std::optional<int64_t> min,
                                std::optional<int64_t> max) {
  // What to write, for a finding only (formatting it for every value read cost 2% of a
  // cold run).
  const auto words = [&] { return bound_words(min, max); };
  if (!plain_typed(c, n, path, words)) return std::nullopt;
  if (!n.is_scalar() || yaml::resolve(n) != ScalarKind::Int) {
    wrong_type(c, n, path, words());
    return std::nullopt;
  }
  const auto parsed = yaml::int_value(n);
  if (!parsed) {
    c.schema(n.pos, fmt::format("`{}` is `{}`, too large; write {}", path, n.value, words()));
    return std::nullopt;
  }
  const int64_t v = *parsed;
  if ((min && v < *min) || (max && v > *max)) {
    c.schema(n.pos, fmt::format("`{}` is {}, out of range; write {}", path, v, words()));
    return std::nullopt;
  }
  return v;
}

std::optional<double> read_number(Context& c, const Node& n, const std::string& path, NumberRange range) {
  const auto words = [&] { return range_words(range); };  // for a finding only
  if (!plain_typed(c, n, path, words)) return std::nullopt;
  const auto kind = n.is_scalar() ? yaml::resolve(n) : ScalarKind::Null;
  if (!n.is_scalar() || (kind != ScalarKind::Int && kind != ScalarKind::Float)) {
    wrong_type(c, n, path, words());
    return std::nullopt;
  }
  const auto parsed = yaml::number_value(n);
  if (!parsed) {
    c.schema(n.pos, fmt::format("`{}` is `{}`; write a finite number", path, n.value));
    return std::nullopt;
  }
  const double v = *parsed;
  const bool below = range.min && (range.exclusive_min ? v <= *range.min : v < *range.min);
  const bool above = range.max && v > *range.max;
  if (below || above) {
    c.schema(n.pos, fmt::format("`{}` is {}, out of range; write {}", path, n.value, words()));
    return std::nullopt;
  }
  return v;
}

MapReader::MapReader(Context& c, const Node& n, std::string path) : c_(c), node_(n), path_(std::move(path)) {
  ok_ = n.is_map();
  known_.reserve(24);  // more than any kind's fields: one allocation
  if (!ok_) {
    if (path_.empty())
      c_.report(n.pos, "header",
                fmt::format("a record must be a mapping, not {}; write it as `key: value` lines starting with "
                            "`apiVersion: svcorg/v1` and `kind:`",
                            yaml::describe(n)));
    else
      c_.schema(n.pos, fmt::format("`{}` must be a mapping, not {}", path_, yaml::describe(n)));
  }
}

const Node* MapReader::get(const char* key) {
  known_.push_back(key);
  return ok_ ? node_.find(key) : nullptr;
}

const Node* MapReader::fetch(const char* key, bool required, const std::string& hint) {
  const Node* v = get(key);
  if (ok_ && required && !v)
    c_.schema(pos(), fmt::format("{} lacks the required field `{}`; add `{}:` with {}",
                                 path_.empty() ? std::string("the record") : fmt::format("`{}`", path_), key, key,
                                 hint.empty() ? std::string("its value") : hint));
  if (v && v->is_null() && v->tag.empty()) {
    c_.schema(v->pos, fmt::format("`{}` is empty; give it a value{}", sub(key), required ? "" : " or remove it"));
    return nullptr;
  }
  return v;
}

const Node* MapReader::need(const char* key) { return fetch(key, true); }

Pos MapReader::where(const char* key) const {
  const Node* v = ok_ ? node_.find(key) : nullptr;
  return v ? v->pos : Pos{};
}

bool MapReader::seq_of(const Node& v, const std::string& path, size_t min_items) {
  if (!v.is_seq()) {
    c_.schema(v.pos, fmt::format("`{}` must be a list, not {}", path, yaml::describe(v)));
    return false;
  }
  if (v.items.size() < min_items) {
    c_.schema(v.pos, fmt::format("`{}` is an empty list; it needs at least {} entr{}", path, min_items,
                                 min_items == 1 ? "y" : "ies"));
    return false;
  }
  return true;
}

void MapReader::finish() {
  if (!ok_) return;
  for (const auto& [k, v] : node_.entries) {
    if (!k.is_scalar()) {
      c_.schema(k.pos, fmt::format("a key in `{}` must be a plain name, not {}", path_.empty() ? "the record" : path_,
                                   yaml::describe(k)));
      continue;
    }
    if (yaml::is_extension(k)) continue;
    const bool known =
        std::find(known_.begin(), known_.end(), std::string_view(k.value)) != known_.end();
    if (known) continue;
    std::vector<std::string> names(known_.begin(), known_.end());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    const std::string where = path_.empty() ? "a " + c_.kind : fmt::format("`{}`", path_);
    if (auto near = util::closest(k.value, names))
      c_.schema(k.pos, fmt::format("unknown field `{}` in {}; did you mean `{}`? (extensions start with `x-`)",
                                   k.value, where, *near));
    else
      c_.schema(k.pos, fmt::format("unknown field `{}` in {}; allowed: {} (extensions start with `x-`)", k.value,
                                   where, util::quoted_list(names)));
  }
}

void MapReader::text(const char* key, Text& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, "a text"))
    if (auto s = read_text(c_, *v, sub(key))) out.set(std::move(*s), v->pos);
}
void MapReader::text(const char* key, UnkeptText& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, "a text"))
    if (read_text(c_, *v, sub(key))) out.set(Unkept{}, v->pos);
}
void MapReader::id(const char* key, Text& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, "an identifier"))
    if (auto s = read_id(c_, *v, sub(key))) out.set(std::move(*s), v->pos);
}
void MapReader::enumeration(const char* key, Text& out, bool required, const std::vector<std::string>& allowed,
                            const char* group) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  // The hint is for a missing required field only: not formatted otherwise.
  const bool missing = required && ok_ && node_.find(key) == nullptr;
  if (const Node* v = fetch(key, required, missing ? "one of " + util::quoted_list(allowed) : ""))
    if (auto s = read_enum(c_, *v, sub(key), allowed, group)) out.set(std::move(*s), v->pos);
}
void MapReader::enumeration(const char* key, F<NeedStatus>& out, bool required) {
  Text name;
  enumeration(key, name, required, vocab::kNeedStatuses, "status");
  out.pos = name.pos;
  if (name) out.set(*vocab::need_status(*name), name.pos);
}
void MapReader::category(const char* key, Text& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, "a category allowed for the branch's type"))
    if (auto s = read_category(c_, *v, sub(key), true)) out.set(std::move(*s), v->pos);
}
void MapReader::date(const char* key, F<util::Date>& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, "a date (YYYY-MM-DD)"))
    if (auto d = read_date(c_, *v, sub(key))) out.set(*d, v->pos);
}
void MapReader::boolean(const char* key, F<bool>& out, bool required) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, "`true` or `false`"))
    if (auto b = read_bool(c_, *v, sub(key))) out.set(*b, v->pos);
}
void MapReader::integer(const char* key, F<int64_t>& out, bool required, std::optional<int64_t> min,
                        std::optional<int64_t> max) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  // The hint is for a missing field only.
  if (const Node* v = fetch(key, required, out.pos.known() ? std::string() : bound_words(min, max)))
    if (auto i = read_int(c_, *v, sub(key), min, max)) out.set(*i, v->pos);
}
void MapReader::number(const char* key, F<double>& out, bool required, NumberRange range) {
  out.pos = where(key);  // present but invalid: has stays false, pos known
  if (const Node* v = fetch(key, required, out.pos.known() ? std::string() : range_words(range)))
    if (auto d = read_number(c_, *v, sub(key), range)) out.set(*d, v->pos);
}

}  // namespace svcorg::model
