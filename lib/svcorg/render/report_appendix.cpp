// The appendix: the effective weights and per-type rules the scores were computed with.
#include <algorithm>

#include <fmt/format.h>

#include "svcorg/model/vocab.hpp"
#include "svcorg/render/report_common.hpp"

namespace svcorg::render::rpt {

using md::escape;

namespace {

std::string list(const std::vector<std::string>& values, const std::string& group, const Labels& l) {
  std::vector<std::string> items;
  for (const auto& v : values) items.push_back(escape(l.get(group, v)));
  return items.empty() ? escape(l.tr("report.none")) : join(items, l);
}

std::string weights(const report::Data& d, const Labels& l) {
  const score::Model& m = *d.model;
  md::Table t{{escape(l.tr("report.group")), escape(l.tr("report.weights"))}, {}, {}};
  auto add = [&](const std::string& group_label, const score::Weights& w, const char* label_group) {
    std::vector<std::string> cells;
    for (const auto& [name, weight] : w)
      cells.push_back(escape(l.tr("report.named-figure", {{"name", l.get(label_group, name)}, {"figure", fmt::format("{}", weight)}})));
    t.rows.push_back({escape(group_label), join(cells, l)});
  };
  t.rows.push_back({escape(l.tr("report.base-weight")), fmt::format("{}", d.result->base_weight)});
  add(l.get("component", "base"), m.base, "part");
  add(l.get("component", "autonomous"), m.autonomous, "component");
  add(l.get("component", "plan_level"), m.plan_level, "part");
  add(l.get("part", "quality"), m.quality, "part");
  add(l.get("component", "effect"), m.effect, "part");
  add(l.get("component", "satisfaction"), m.satisfaction, "part");
  t.rows.push_back({escape(l.get("component", "bonus")),
                    escape(l.tr("report.award-points", {{"points", fmt::format("{}", m.award_points)},
                                                        {"cap", fmt::format("{}", m.award_cap)}}))});
  std::vector<std::string> grades;
  for (const auto& [grade, from] : {std::pair<const char*, double>{"excellent", m.grade_excellent},
                                    {"good", m.grade_good},
                                    {"fair", m.grade_fair}})
    grades.push_back(escape(l.tr("report.named-figure", {{"name", l.get("grade", grade)}, {"figure", fmt::format("{}", from)}})));
  t.rows.push_back({escape(l.tr("report.grades-thresholds")), join(grades, l)});
  return md::table(t) + "\n";
}

std::string type_rules(const report::Data& d, const Labels& l) {
  md::Table t{{escape(l.tr("report.type")), escape(l.tr("report.required-platforms")),
               escape(l.tr("report.need-categories")), escape(l.tr("report.numbers"))},
              {},
              {}};
  for (const auto& type : model::vocab::kBranchTypes) {
    const auto* r = d.rules->for_type(type);
    // Only the types present in the scope.
    if (!r || std::none_of(d.branches.begin(), d.branches.end(),
                           [&](const model::Branch* b) { return b->type.v == type; }))
      continue;
    auto figure = [&](const std::string& label, int64_t n) {
      return l.tr("report.named-figure", {{"name", label}, {"figure", n}});
    };
    std::vector<std::string> layers;
    for (const auto& layer : model::vocab::kLayers) layers.push_back(figure(l.get("layer", layer), r->resolve_days_for(layer)));
    std::string by_layer;
    for (size_t i = 0; i < layers.size(); ++i) by_layer += (i ? l.tr("report.list-separator") : "") + layers[i];
    const std::string resolve = l.tr("report.named-figure", {{"name", l.get("number", "resolve_days")}, {"figure", by_layer}});
    const std::vector<std::string> clauses = {
        figure(l.get("number", "min_plan_items"), r->min_plan_items), figure(l.get("number", "response_days"), r->response_days),
        resolve, figure(l.get("number", "organizational_life_per_year"), r->organizational_life_per_year),
        figure(l.get("number", "min_survey_respondents"), r->min_survey_respondents)};
    std::string numbers;
    for (size_t i = 0; i < clauses.size(); ++i) numbers += (i ? l.tr("report.clause-separator") : "") + clauses[i];
    t.rows.push_back({escape(l.get("type", type)), list(r->required_platforms, "platform_category", l),
                      list(r->need_categories, "category", l), escape(numbers)});
  }
  return md::table(t) + "\n";
}

}  // namespace

std::string appendix(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.appendix")));
  out += md::heading(3, escape(l.tr("report.weights"))) + weights(d, l);
  out += md::heading(3, escape(l.tr("report.rules"))) + type_rules(d, l);
  out += say(l, "report.labelled", {{"label", "**" + escape(l.tr("report.negative-list")) + "**"},
                                     {"items", list(d.rules->negative_list, "category", l)}}) +
         "\n";
  return out;
}

}  // namespace svcorg::render::rpt
