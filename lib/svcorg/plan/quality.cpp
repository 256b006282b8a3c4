#include "svcorg/plan/quality.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace svcorg::plan {

bool linked(const model::Item& item) {
  return item.needs && !item.needs->empty();
}
bool measurable(const model::Item& item) {
  return item.target && item.target->value;
}

std::vector<std::string> need_categories(const std::vector<ledger::NeedFacts>& needs_in_year) {
  std::set<std::string> c;
  for (const auto& f : needs_in_year)
    if (!f.declined && f.category) c.insert(*f.category);
  return {c.begin(), c.end()};
}

Quality quality(const model::Plan& plan, std::vector<std::string> need_categories,
                const std::vector<const model::NeedCore*>& listed_needs, const rules::TypeRules& rules,
                const util::Weights& weights) {
  const std::vector<model::Item> no_items;
  const auto& items = plan.items ? *plan.items : no_items;
  Quality out;
  QualityInputs& in = out.inputs;
  in.items = items.size();
  in.min_plan_items = rules.min_plan_items;
  in.need_categories = std::move(need_categories);
  const std::vector<std::string>& c = in.need_categories;
  std::set<std::string> a;
  for (const auto& it : items) {
    if (linked(it)) ++in.linked;
    if (measurable(it)) ++in.measurable;
    if (it.category) a.insert(*it.category);
  }
  for (const auto* n : listed_needs)
    if (n->category) a.insert(*n->category);
  for (const auto& cat : c)
    if (a.count(cat)) in.covered_categories.push_back(cat);

  std::optional<double> linked_share, measurable_share, breadth, coverage;
  if (!items.empty()) {
    const auto n = static_cast<double>(items.size());
    linked_share = static_cast<double>(in.linked) / n;
    measurable_share = static_cast<double>(in.measurable) / n;
    breadth = rules.min_plan_items > 0 ? std::min(n / static_cast<double>(rules.min_plan_items), 1.0) : 1.0;
    if (!c.empty()) coverage = static_cast<double>(in.covered_categories.size()) / static_cast<double>(c.size());
  }
  out.parts = util::parts_in_order(
      weights,
      {{"linked", linked_share}, {"measurable", measurable_share}, {"breadth", breadth}, {"coverage", coverage}});
  out.q = items.empty() ? 0.0 : util::weighted_mean(out.parts).value_or(0.0);
  return out;
}

}  // namespace svcorg::plan
