#include "svcorg/render/rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "svcorg/diag/catalogue.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/l10n/labels.hpp"
#include "svcorg/render/json_writer.hpp"
#include "svcorg/render/markdown.hpp"
#include "svcorg/render/table.hpp"

namespace svcorg::render {

namespace {

using i18n::Lang;
using l10n::tr;

// A value as shown: its label and its code (`Elderly care (elderly-care)`); either may be
// empty (a number has no code, a District's category no English label). A label the
// District wrote is escaped in Markdown; the label table's and the catalogue's are ours.
struct Item {
  std::string label, code;
  bool districts = false;
};

struct Row {
  std::string name;
  std::vector<std::string> values;  // one a line in text, joined in Markdown
};

struct Section {
  int level = 2;
  std::string title;
  std::string note;
  std::string left, right;  // column headings (Markdown)
  std::vector<Row> rows;
};

std::string number(double d) {
  return fmt::format("{}", d);
}

// A section shown as a table of two columns.
Section table_section(int level, std::string title, std::string left, std::string right) {
  Section sec;
  sec.level = level;
  sec.title = std::move(title);
  sec.left = std::move(left);
  sec.right = std::move(right);
  return sec;
}

// The scoring model's groups of weights: the JSON key (and the label of what the group
// weighs, in `title_group`), and the label group of its members.
struct Group {
  const char* key;
  score::Weights score::Model::*weights;
  const char* title_group;
  const char* parts_group;
};
const Group kGroups[] = {
    {"base", &score::Model::base, "component", "part"},
    {"autonomous", &score::Model::autonomous, "component", "component"},
    {"plan_level", &score::Model::plan_level, "component", "part"},
    {"quality", &score::Model::quality, "part", "part"},
    {"effect", &score::Model::effect, "component", "part"},
    {"satisfaction", &score::Model::satisfaction, "component", "part"},
};

// How a format writes a value: text as it is, or Markdown (escaped, codes as code spans).
struct Style {
  Lang lang;
  bool markdown;
  const rules::Rules& rules;

  std::string code(const std::string& c) const { return markdown ? md::code(c) : c; }
  std::string item(const Item& i) const {
    const std::string label = markdown && i.districts ? md::escape(i.label) : i.label;
    if (i.label.empty()) return code(i.code);
    if (i.code.empty()) return label;
    return tr(lang, "rules.value", {{"label", label}, {"value", code(i.code)}});
  }
  // `value` with its label in `group`; a category may have the District's zh-CN label.
  Item labelled(const char* group, const std::string& value) const {
    if (const std::string* l = l10n::labels::label(i18n::code(lang), group, value)) return {*l, value};
    if (lang == Lang::ZhCN && std::string(group) == "category") {
      auto it = rules.category_labels.find(value);
      if (it != rules.category_labels.end()) return {it->second, value, true};
    }
    return {std::string(), value};
  }
  std::string shown(const char* group, const std::string& value) const { return item(labelled(group, value)); }
  std::vector<std::string> shown_all(const char* group, const std::vector<std::string>& values) const {
    std::vector<std::string> out;
    for (const auto& v : values) out.push_back(shown(group, v));
    if (out.empty()) out.push_back(tr(lang, "rules.none"));
    return out;
  }
};

Section type_section(const Style& s, const std::string& type, const rules::TypeRules& t) {
  const Lang lang = s.lang;
  Section sec = table_section(2, tr(lang, "rules.type.heading", {{"type", s.shown("type", type)}}),
                              tr(lang, "rules.column.rule"), tr(lang, "rules.column.value"));
  std::vector<std::string> fields;
  for (const auto& f : t.required_fields) fields.push_back(s.code(f));
  if (fields.empty()) fields.push_back(tr(lang, "rules.none"));
  std::vector<std::string> also;
  for (const auto& c : t.item_categories)
    if (!t.allows_need(c)) also.push_back(c);
  sec.rows = {
      {tr(lang, "rules.type.required-fields"), fields},
      {tr(lang, "rules.type.required-platforms"), s.shown_all("platform_category", t.required_platforms)},
      {tr(lang, "rules.type.need-categories"), s.shown_all("category", t.need_categories)},
      {tr(lang, "rules.type.item-categories"), s.shown_all("category", also)},
      {tr(lang, "rules.number.min-plan-items"), {std::to_string(t.min_plan_items)}},
      {tr(lang, "rules.number.min-plan-quality"), {number(t.min_plan_quality)}},
      {tr(lang, "rules.number.response-days"), {std::to_string(t.response_days)}},
  };
  // The layers in the format's order, then any other a District names.
  std::vector<std::string> layers = {"branch", "street", "district"};
  for (const auto& entry : t.resolve_days)
    if (std::find(layers.begin(), layers.end(), entry.first) == layers.end()) layers.push_back(entry.first);
  for (const auto& layer : layers) {
    auto it = t.resolve_days.find(layer);
    if (it == t.resolve_days.end()) continue;
    sec.rows.push_back(
        {tr(lang, "rules.number.resolve-days", {{"layer", s.shown("layer", layer)}}), {std::to_string(it->second)}});
  }
  sec.rows.push_back({tr(lang, "rules.number.organizational-life"), {std::to_string(t.organizational_life_per_year)}});
  sec.rows.push_back({tr(lang, "rules.number.min-survey-respondents"), {std::to_string(t.min_survey_respondents)}});
  return sec;
}

std::vector<Section> scoring_sections(const Style& s, const score::Model& m) {
  const Lang lang = s.lang;
  std::vector<Section> out;
  Section head;
  head.title = tr(lang, "rules.scoring.heading");
  out.push_back(head);

  Section beta = table_section(3, tr(lang, "rules.scoring.base-weight"), tr(lang, "rules.column.rule"),
                               tr(lang, "rules.column.weight"));
  beta.note = tr(lang, "rules.scoring.autonomous-note");
  beta.rows.push_back({tr(lang, "rules.scoring.base-weight.default"), {number(m.base_weight_default)}});
  for (const auto& [year, w] : m.base_weight_by_year)
    beta.rows.push_back({tr(lang, "rules.scoring.base-weight.year", {{"year", year}}), {number(w)}});
  out.push_back(beta);

  for (const Group& g : kGroups) {
    Section sec = table_section(3, tr(lang, "rules.scoring.group", {{"part", s.shown(g.title_group, g.key)}}),
                                tr(lang, "rules.column.part"), tr(lang, "rules.column.weight"));
    for (const auto& [name, weight] : m.*g.weights)
      sec.rows.push_back({s.shown(g.parts_group, name), {number(weight)}});
    out.push_back(std::move(sec));
  }

  Section awards =
      table_section(3, tr(lang, "rules.scoring.awards"), tr(lang, "rules.column.rule"), tr(lang, "rules.column.value"));
  awards.rows = {{tr(lang, "rules.scoring.awards.points"), {number(m.award_points)}},
                 {tr(lang, "rules.scoring.awards.cap"), {number(m.award_cap)}}};
  out.push_back(awards);

  Section grades =
      table_section(3, tr(lang, "rules.scoring.grades"), tr(lang, "rules.column.rule"), tr(lang, "rules.column.value"));
  const std::pair<const char*, double> bounds[] = {
      {"excellent", m.grade_excellent}, {"good", m.grade_good}, {"fair", m.grade_fair}};
  for (const auto& [grade, at_least] : bounds)
    grades.rows.push_back(
        {s.shown("grade", grade), {tr(lang, "rules.scoring.grade.at-least", {{"n", number(at_least)}})}});
  grades.rows.push_back(
      {s.shown("grade", "poor"), {tr(lang, "rules.scoring.grade.below", {{"n", number(m.grade_fair)}})}});
  out.push_back(grades);
  return out;
}

std::vector<Section> sections(const RulesView& v, const Style& s) {
  const Lang lang = s.lang;
  std::vector<Section> out;
  for (const auto& type : v.types)
    if (const rules::TypeRules* t = v.rules->for_type(type)) out.push_back(type_section(s, type, *t));

  Section negative;
  negative.title = tr(lang, "rules.negative-list.heading");
  negative.note = tr(lang, "rules.negative-list.note");
  for (const auto& c : v.rules->negative_list) negative.rows.push_back({s.shown("category", c), {}});
  out.push_back(negative);

  if (!v.rules->category_labels.empty()) {
    Section own;
    own.title = tr(lang, "rules.district-labels.heading");
    for (const auto& [name, label] : v.rules->category_labels) own.rows.push_back({s.item({label, name, true}), {}});
    out.push_back(own);
  }

  for (auto& sec : scoring_sections(s, *v.model)) out.push_back(std::move(sec));

  if (v.all_types) {
    Section checks = table_section(2, tr(lang, "rules.checks.heading"), tr(lang, "rules.column.check"),
                                   tr(lang, "rules.column.what"));
    for (const auto& rule : diag::catalogue())
      checks.rows.push_back({s.code(rule.id),
                             {tr(lang, "rules.checks.row",
                                 {{"severity", diag::severity_word(rule.severity, lang)},
                                  {"summary", diag::rule_summary(rule, lang)}})}});
    out.push_back(checks);
  }
  return out;
}

std::string source_line(const RulesView& v, Lang lang, bool markdown) {
  if (!v.district) return tr(lang, "rules.source.builtin");
  const std::string name = markdown ? md::escape(v.district->second) : v.district->second;
  return tr(lang, "rules.source.district", {{"district", v.district->first}, {"name", name}});
}

}  // namespace

std::string rules_text(const RulesView& v, Lang lang) {
  const Style style{lang, false, *v.rules};
  std::string out = tr(lang, "rules.title") + "\n" + source_line(v, lang, false) + "\n";
  for (const auto& sec : sections(v, style)) {
    out += "\n" + sec.title + "\n";
    if (!sec.note.empty()) out += "  " + sec.note + "\n";
    size_t width = 0;
    for (const auto& row : sec.rows) width = std::max(width, display_width(row.name));
    for (const auto& row : sec.rows) {
      out += "  " + row.name;
      for (size_t i = 0; i < row.values.size(); ++i) {
        const size_t used = i == 0 ? display_width(row.name) : 0;
        out += std::string(i == 0 ? width - used + 2 : width + 4, ' ') + row.values[i] + "\n";
      }
      if (row.values.empty()) out += "\n";
    }
  }
  return out;
}

std::string rules_markdown(const RulesView& v, Lang lang) {
  const Style style{lang, true, *v.rules};
  std::string out = "<!-- " + tr(lang, "rules.generated", {{"command", v.command}}) + " -->\n";
  out += md::heading(1, tr(lang, "rules.title")) + source_line(v, lang, true) + "\n";
  for (const auto& sec : sections(v, style)) {
    if (out.compare(out.size() - 2, 2, "\n\n") != 0) out += "\n";  // one blank line before a heading
    out += md::heading(sec.level, sec.title);
    if (!sec.note.empty()) out += sec.note + "\n\n";
    if (sec.left.empty()) {  // a list
      for (const auto& row : sec.rows) out += "- " + row.name + "\n";
      continue;
    }
    md::Table t;
    t.header = {sec.left, sec.right};
    for (const auto& row : sec.rows) t.rows.push_back({row.name, l10n::join(row.values, lang)});
    out += md::table(t);
  }
  return out;
}

std::string rules_json(const RulesView& v) {
  JsonWriter w;
  auto strings = [&](const std::vector<std::string>& list) {
    w.begin_array();
    for (const auto& s : list) w.value(s);
    w.end_array();
  };
  w.begin_object().member("format", 1);
  w.key("district");
  if (v.district)
    w.value(v.district->first);
  else
    w.value(nullptr);
  w.key("types").begin_array();
  for (const auto& type : v.types) {
    const rules::TypeRules* t = v.rules->for_type(type);
    if (!t) continue;
    w.begin_object().member("type", type);
    w.key("required_fields");
    strings(t->required_fields);
    w.key("required_platforms");
    strings(t->required_platforms);
    w.key("need_categories");
    strings(t->need_categories);
    w.key("item_categories");
    strings(t->item_categories);
    w.member("min_plan_items", t->min_plan_items).member("min_plan_quality", t->min_plan_quality);
    w.member("response_days", t->response_days);
    w.key("resolve_days").begin_object();
    for (const auto& [layer, days] : t->resolve_days) w.member(layer, days);
    w.end_object();
    w.member("organizational_life_per_year", t->organizational_life_per_year);
    w.member("min_survey_respondents", t->min_survey_respondents);
    w.end_object();
  }
  w.end_array();
  w.key("negative_list");
  strings(v.rules->negative_list);
  const score::Model& m = *v.model;
  w.key("scoring").begin_object();
  w.key("base_weight").begin_object().member("default", m.base_weight_default).key("by_year").begin_object();
  for (const auto& [year, weight] : m.base_weight_by_year) w.member(std::to_string(year), weight);
  w.end_object().end_object();
  for (const Group& g : kGroups) {
    w.key(g.key).begin_object();
    for (const auto& [name, weight] : m.*g.weights) w.member(name, weight);
    w.end_object();
  }
  w.key("awards").begin_object().member("points", m.award_points).member("cap", m.award_cap).end_object();
  w.key("grades").begin_object().member("excellent", m.grade_excellent).member("good", m.grade_good);
  w.member("fair", m.grade_fair).end_object();
  w.end_object();
  if (v.all_types) {
    w.key("checks").begin_array();
    for (const auto& rule : diag::catalogue())
      w.begin_object().member("rule", rule.id).member("severity", diag::severity_name(rule.severity)).end_object();
    w.end_array();
  }
  w.end_object();
  return w.take() + "\n";
}

}  // namespace svcorg::render
