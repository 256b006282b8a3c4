// The layout of the appendix: the effective weights and per-type rules the scores were computed with.
#include <fmt/format.h>

#include <algorithm>

#include "svcorg/model/vocab.hpp"
#include "svcorg/render/report_common.hpp"

namespace svcorg::render::rpt {

using doc::Runs;

namespace {

Runs list(const std::vector<std::string>& values, const std::string& group, const Labels& l) {
  std::vector<Runs> items;
  for (const auto& v : values) items.push_back(T(l.get(group, v)));
  return items.empty() ? T(l.tr("report.none")) : doc::join(items, l);
}

void weights(doc::Document& out, const report::Data& d, const Labels& l) {
  const score::Model& m = *d.model;
  doc::Table t{{T(l.tr("report.group")), T(l.tr("report.weights"))}, {}, {}, {}, {}};
  auto add = [&](const std::string& group_label, const score::Weights& w, const char* label_group) {
    std::vector<Runs> cells;
    for (const auto& [name, weight] : w)
      cells.push_back(
          T(l.tr("report.named-figure", {{"name", l.get(label_group, name)}, {"figure", fmt::format("{}", weight)}})));
    t.rows.push_back({T(group_label), doc::join(cells, l)});
  };
  t.rows.push_back({T(l.tr("report.base-weight")), V(fmt::format("{}", d.result->base_weight))});
  add(l.get("component", "base"), m.base, "part");
  add(l.get("component", "autonomous"), m.autonomous, "component");
  add(l.get("component", "plan_level"), m.plan_level, "part");
  add(l.get("part", "quality"), m.quality, "part");
  add(l.get("component", "effect"), m.effect, "part");
  add(l.get("component", "satisfaction"), m.satisfaction, "part");
  t.rows.push_back({T(l.get("component", "bonus")),
                    T(l.tr("report.award-points",
                           {{"points", fmt::format("{}", m.award_points)}, {"cap", fmt::format("{}", m.award_cap)}}))});
  std::vector<Runs> grades;
  for (const auto& [grade, from] :
       {std::pair<const char*, double>{"excellent", m.grade_excellent}, {"good", m.grade_good}, {"fair", m.grade_fair}})
    grades.push_back(
        T(l.tr("report.named-figure", {{"name", l.get("grade", grade)}, {"figure", fmt::format("{}", from)}})));
  t.rows.push_back({T(l.tr("report.grades-thresholds")), doc::join(grades, l)});
  out << t;
}

void type_rules(doc::Document& out, const report::Data& d, const Labels& l) {
  doc::Table t{{T(l.tr("report.type")), T(l.tr("report.required-platforms")), T(l.tr("report.need-categories")),
                T(l.tr("report.numbers"))},
               {},
               {},
               {0},
               {}};
  for (const auto& type : model::vocab::kBranchTypes) {
    const auto* r = d.rules->for_type(type);
    // Only the types present in the scope.
    if (!r ||
        std::none_of(d.branches.begin(), d.branches.end(), [&](const model::Branch* b) { return b->type.v == type; }))
      continue;
    auto figure = [&](const std::string& label, int64_t n) {
      return l.tr("report.named-figure", {{"name", label}, {"figure", n}});
    };
    std::vector<std::string> layers;
    for (const auto& layer : model::vocab::kLayers)
      layers.push_back(figure(l.get("layer", layer), r->resolve_days_for(layer)));
    std::string by_layer;
    for (size_t i = 0; i < layers.size(); ++i) by_layer += (i ? l.tr("report.list-separator") : "") + layers[i];
    const std::string resolve =
        l.tr("report.named-figure", {{"name", l.get("number", "resolve_days")}, {"figure", by_layer}});
    const std::vector<std::string> clauses = {
        figure(l.get("number", "min_plan_items"), r->min_plan_items),
        figure(l.get("number", "response_days"), r->response_days), resolve,
        figure(l.get("number", "organizational_life_per_year"), r->organizational_life_per_year),
        figure(l.get("number", "min_survey_respondents"), r->min_survey_respondents)};
    std::string numbers;
    for (size_t i = 0; i < clauses.size(); ++i) numbers += (i ? l.tr("report.clause-separator") : "") + clauses[i];
    t.rows.push_back({T(l.get("type", type)), list(r->required_platforms, "platform_category", l),
                      list(r->need_categories, "category", l), T(numbers)});
  }
  out << t;
}

}  // namespace

void appendix(doc::Document& out, const report::Data& d, const Labels& l) {
  out << doc::Heading{2, T(l.tr("report.appendix")), true};
  out << doc::Heading{3, T(l.tr("report.weights"))};
  weights(out, d, l);
  out << doc::Heading{3, T(l.tr("report.rules"))};
  type_rules(out, d, l);
  out << doc::Paragraph{doc::say(l, "report.labelled",
                                 {{"label", doc::strong(T(l.tr("report.negative-list")))},
                                  {"items", list(d.rules->negative_list, "category", l)}}),
                        true};
}

}  // namespace svcorg::render::rpt
