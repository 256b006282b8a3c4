#include "svcorg/model/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include "svcorg/l10n/labels.hpp"
#include "svcorg/model/labels.hpp"
#include "svcorg/model/reader_words.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/text.hpp"
#include "svcorg/yaml/hints.hpp"

namespace svcorg::model {

using yaml::Node;
using yaml::ScalarKind;

void Context::report(Pos pos, std::string rule, i18n::Message message, diag::Severity sev) {
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

namespace detail {

i18n::Message wrong_type_message(const std::string& path, const i18n::Message& expected, const Node& n) {
  return i18n::Message("model.wrong-type", {{"path", path}, {"expected", expected}, {"found", yaml::describe(n)}});
}

void report_or_hint(Context& c, const Node& n, const char* rule, i18n::Message message) {
  if (auto hint = yaml::fullwidth_in_scalar(n))
    c.report(hint->pos, rule, std::move(hint->message));
  else
    c.report(n.pos, rule, std::move(message));
}

i18n::Message bound_words(std::optional<int64_t> min, std::optional<int64_t> max) {
  if (min && max) return i18n::Message("model.expect.integer-range", {{"min", *min}, {"max", *max}});
  if (min) return i18n::Message("model.expect.integer-min", {{"min", *min}});
  if (max) return i18n::Message("model.expect.integer-max", {{"max", *max}});
  return i18n::Message("model.expect.integer");
}

namespace {

std::string fmt_num(double v) {
  return fmt::format("{}", v);
}

}  // namespace

i18n::Message range_words(const NumberRange& r) {
  if (r.min && r.max)
    return i18n::Message("model.expect.number-range", {{"min", fmt_num(*r.min)}, {"max", fmt_num(*r.max)}});
  if (r.min)
    return i18n::Message(r.exclusive_min ? "model.expect.number-above" : "model.expect.number-min",
                         {{"min", fmt_num(*r.min)}});
  if (r.max) return i18n::Message("model.expect.number-max", {{"max", fmt_num(*r.max)}});
  return i18n::Message("model.expect.number");
}

const i18n::Message kId("model.expect.id");
const i18n::Message kDate("model.expect.date");

}  // namespace detail

using namespace detail;

namespace {

// A string-typed scalar's text, or a schema error naming what was found instead.
std::optional<std::string> string_scalar(Context& c, const Node& n, const std::string& path,
                                         const i18n::Message& expected) {
  if (n.is_scalar() && !n.tag.empty() && n.tag != "!!str") {
    c.schema(n.pos, i18n::Message("model.tagged-text", {{"path", path}, {"tag", n.tag}, {"expected", expected}}));
    return std::nullopt;
  }
  if (n.is_scalar() && yaml::resolve(n) == ScalarKind::String) return n.value;
  if (n.is_scalar() && yaml::resolve(n) != ScalarKind::Null) {
    c.schema(n.pos,
             i18n::Message("model.wrong-type.quote",
                           {{"path", path}, {"expected", expected}, {"found", yaml::describe(n)}, {"value", n.value}}));
    return std::nullopt;
  }
  c.schema(n.pos, wrong_type_message(path, expected, n));
  return std::nullopt;
}

// False, with a finding, for a tagged scalar; `expected()` says what to write instead.
template <class Expected>
bool plain_typed(Context& c, const Node& n, const std::string& path, Expected expected) {
  if (n.is_scalar() && !n.tag.empty()) {
    c.schema(n.pos, i18n::Message("model.tagged", {{"path", path}, {"tag", n.tag}, {"expected", expected()}}));
    return false;
  }
  return true;
}

void wrong_type(Context& c, const Node& n, const std::string& path, const i18n::Message& expected) {
  if (n.is_scalar() && !n.plain)
    c.schema(n.pos,
             i18n::Message("model.wrong-type.unquote", {{"path", path}, {"expected", expected}, {"value", n.value}}));
  else
    c.schema(n.pos, wrong_type_message(path, expected, n));
}

// What a wrong value's message names, made once.
const i18n::Message kText("model.expect.text");
const i18n::Message kCategory("model.expect.category");

}  // namespace

std::optional<std::string> read_text(Context& c, const Node& n, const std::string& path) {
  auto s = string_scalar(c, n, path, kText);
  if (s && s->empty()) {
    c.schema(n.pos, i18n::Message("model.empty-text", {{"path", path}}));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> read_id(Context& c, const Node& n, const std::string& path) {
  auto s = string_scalar(c, n, path, kId);
  if (!s) return std::nullopt;
  if (!is_id(*s)) {
    report_or_hint(c, n, "schema", i18n::Message("model.not-id", {{"path", path}, {"value", *s}}));
    return std::nullopt;
  }
  return s;
}

namespace {

// "did you mean …?" for `written` among `values` and the zh-CN labels and aliases of
// `group`: a label is shown with its value. None when nothing is close.
std::optional<i18n::Message> suggestion(const std::string& written, const std::vector<std::string>& values,
                                        const char* group) {
  std::vector<std::string> candidates = values;
  for (const auto& w : l10n::labels::written_forms(group)) candidates.push_back(w.text);
  const auto near = util::closest(written, candidates);
  if (!near) return std::nullopt;
  if (std::find(values.begin(), values.end(), *near) != values.end())
    return i18n::Message("util.did-you-mean", {{"value", *near}});
  return i18n::Message("model.did-you-mean-label",
                       {{"label", *near}, {"value", *l10n::labels::value_of(group, *near)}});
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
    if (const std::string* value = l10n::labels::value_of(group, n.value);
        value && std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
      return *value;
  auto s = string_scalar(c, n, path, i18n::Message("model.expect.one-of", {{"values", i18n::codes(allowed, true)}}));
  if (!s) return std::nullopt;
  i18n::Arg listed = l10n::labels::labelled(allowed, group);
  if (auto near = suggestion(*s, allowed, group))
    report_or_hint(
        c, n, "schema",
        i18n::Message(
            "model.not-allowed.near",
            {{"path", path}, {"value", *s}, {"suggestion", std::move(*near)}, {"allowed", std::move(listed)}}));
  else
    report_or_hint(c, n, "schema",
                   i18n::Message("model.not-allowed", {{"path", path}, {"value", *s}, {"allowed", std::move(listed)}}));
  return std::nullopt;
}

std::optional<std::string> read_category(Context& c, const Node& n, const std::string& path, bool own_labels) {
  auto s = string_scalar(c, n, path, kCategory);
  if (!s) return std::nullopt;
  if (is_category_word(*s)) return s;
  if (const std::string* value = l10n::labels::value_of("category", *s)) return *value;
  if (auto hint = yaml::fullwidth_in_scalar(n)) {  // `elderly-care，housing`
    c.schema(hint->pos, std::move(hint->message));
    return std::nullopt;
  }
  const bool ascii = util::is_ascii(*s);
  // Chinese text that is no built-in category's label: perhaps the label of one of the
  // District's categories, which the loaded records tell (labels::use_district_labels).
  if (!ascii && own_labels) return s;
  const std::vector<std::string> builtin = rules::builtin_categories();
  i18n::Arg listed = l10n::labels::labelled(builtin, "category");
  if (ascii) {
    // `Public Safety`, `public_safety`: the name it is written for, else the closest.
    std::string name = *s;
    for (char& ch : name)
      ch = ch == ' ' || ch == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::optional<i18n::Message> near;
    if (std::find(builtin.begin(), builtin.end(), name) != builtin.end())
      near = i18n::Message("util.did-you-mean", {{"value", name}});
    else
      near = suggestion(name, builtin, "category");
    if (near)
      c.schema(n.pos,
               i18n::Message(
                   "model.not-category.near",
                   {{"path", path}, {"value", *s}, {"suggestion", std::move(*near)}, {"allowed", std::move(listed)}}));
    else
      c.schema(n.pos,
               i18n::Message("model.not-category", {{"path", path}, {"value", *s}, {"allowed", std::move(listed)}}));
    return std::nullopt;
  }
  if (auto near = suggestion(*s, builtin, "category"))
    c.schema(n.pos,
             i18n::Message(
                 "model.not-category-label.near",
                 {{"path", path}, {"value", *s}, {"suggestion", std::move(*near)}, {"allowed", std::move(listed)}}));
  else
    c.schema(n.pos, i18n::Message("model.not-category-label",
                                  {{"path", path}, {"value", *s}, {"allowed", std::move(listed)}}));
  return std::nullopt;
}

namespace {

struct Ymd {
  int y, m, d;
};

// The year, month and day of a date written in one of likely_date's forms, whether or
// not they name a calendar date; none when the text is no such form.
std::optional<Ymd> date_form(std::string_view s) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  auto number = [](std::string_view d) {
    int v = 0;
    for (char ch : d) v = v * 10 + (ch - '0');
    return v;
  };
  int y = 0, m = 0, d = 0;
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), digit)) {  // 20250218
    y = number(s.substr(0, 4));
    m = number(s.substr(4, 2));
    d = number(s.substr(6, 2));
  } else {
    // Three runs of digits (4, then 1-2, then 1-2) and what follows each.
    std::string_view runs[3], seps[3];
    size_t i = 0;
    for (int k = 0; k < 3; ++k) {
      const size_t start = i;
      while (i < s.size() && digit(s[i])) ++i;
      runs[k] = s.substr(start, i - start);
      const size_t sep = i;
      while (i < s.size() && !digit(s[i])) ++i;
      seps[k] = s.substr(sep, i - sep);
    }
    if (i != s.size() || runs[0].size() != 4 || runs[1].empty() || runs[1].size() > 2 || runs[2].empty() ||
        runs[2].size() > 2)
      return std::nullopt;
    const bool same = (seps[0] == "/" || seps[0] == "." || seps[0] == "-") && seps[1] == seps[0] && seps[2].empty();
    const bool chinese = seps[0] == "年" && seps[1] == "月" && (seps[2] == "日" || seps[2] == "号" || seps[2].empty());
    if (!same && !chinese) return std::nullopt;
    y = number(runs[0]);
    m = number(runs[1]);
    d = number(runs[2]);
  }
  return Ymd{y, m, d};
}

// A date written in another form: the date it most likely means, or that it names no
// calendar date (`2026/2/30`); false when `text` is no such form.
bool report_date_form(Context& c, const Node& n, const std::string& path, std::string_view text) {
  const auto ymd = date_form(text);
  if (!ymd) return false;
  if (util::Date::valid_ymd(ymd->y, ymd->m, ymd->d))
    c.schema(n.pos, i18n::Message("model.likely-date", {{"path", path},
                                                        {"value", std::string(text)},
                                                        {"date", util::Date::from_ymd(ymd->y, ymd->m, ymd->d).str()}}));
  else
    c.schema(n.pos, i18n::Message("model.not-calendar-date", {{"path", path}, {"value", std::string(text)}}));
  return true;
}

}  // namespace

std::optional<util::Date> likely_date(std::string_view s) {
  const auto ymd = date_form(s);
  if (!ymd || !util::Date::valid_ymd(ymd->y, ymd->m, ymd->d)) return std::nullopt;
  return util::Date::from_ymd(ymd->y, ymd->m, ymd->d);
}

std::optional<util::Date> read_date(Context& c, const Node& n, const std::string& path) {
  // `received: 20250218` is an integer to YAML: say the date it most likely means rather
  // than "quote it" (which only leads to the next error).
  if (n.is_scalar() && n.tag.empty() && n.plain && yaml::resolve(n) != ScalarKind::String &&
      report_date_form(c, n, path, n.value))
    return std::nullopt;
  auto s = string_scalar(c, n, path, kDate);
  if (!s) return std::nullopt;
  if (auto d = util::Date::parse(*s)) return d;
  if (report_date_form(c, n, path, *s)) return std::nullopt;
  const bool dashed = s->size() == 10 && (*s)[4] == '-' && (*s)[7] == '-';
  c.schema(n.pos,
           i18n::Message(dashed ? "model.not-calendar-date" : "model.not-date", {{"path", path}, {"value", *s}}));
  return std::nullopt;
}

std::optional<bool> read_bool(Context& c, const Node& n, const std::string& path) {
  if (!plain_typed(c, n, path, [] { return i18n::Message("model.expect.true-false-plain"); })) return std::nullopt;
  if (n.is_scalar() && yaml::resolve(n) == ScalarKind::Bool) return n.value[0] == 't' || n.value[0] == 'T';
  wrong_type(c, n, path, i18n::Message("model.expect.true-false"));
  return std::nullopt;
}

std::optional<int64_t> read_int(Context& c, const Node& n, const std::string& path, std::optional<int64_t> min,
                                std::optional<int64_t> max) {
  // What to write, for a finding only (formatting it for every value read cost 2% of a
  // cold run).
  const auto words = [&] { return bound_words(min, max); };
  if (!plain_typed(c, n, path, words)) return std::nullopt;
  const auto kind = n.is_scalar() ? yaml::resolve(n) : ScalarKind::Null;
  std::optional<int64_t> parsed;
  if (kind == ScalarKind::Float) {
    // A number with no fractional part is an integer, as in JSON Schema (`members: 68.0`,
    // which editors accept).
    const auto d = yaml::number_value(n);
    if (!d || !std::isfinite(*d) || std::trunc(*d) != *d || std::fabs(*d) > 9.0e15) {
      wrong_type(c, n, path, words());
      return std::nullopt;
    }
    parsed = static_cast<int64_t>(*d);
  } else if (kind != ScalarKind::Int) {
    wrong_type(c, n, path, words());
    return std::nullopt;
  } else {
    parsed = yaml::int_value(n);
  }
  if (!parsed) {
    c.schema(n.pos, i18n::Message("model.too-large", {{"path", path}, {"value", n.value}, {"expected", words()}}));
    return std::nullopt;
  }
  const int64_t v = *parsed;
  if ((min && v < *min) || (max && v > *max)) {
    c.schema(n.pos, i18n::Message("model.out-of-range", {{"path", path}, {"value", v}, {"expected", words()}}));
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
    c.schema(n.pos, i18n::Message("model.not-finite", {{"path", path}, {"value", n.value}}));
    return std::nullopt;
  }
  const double v = *parsed;
  const bool below = range.min && (range.exclusive_min ? v <= *range.min : v < *range.min);
  const bool above = range.max && v > *range.max;
  if (below || above) {
    c.schema(n.pos, i18n::Message("model.out-of-range", {{"path", path}, {"value", n.value}, {"expected", words()}}));
    return std::nullopt;
  }
  return v;
}

}  // namespace svcorg::model
