// plan-quality (SPEC 4.2): a submitted plan whose quality q (SPEC 6.2, plan/quality)
// as of the as-of date is below `min_plan_quality`. q reads the plan's items, the needs
// they list and the branch's needs in the plan's year (Y's ledger as of A), with the
// scoring model's `quality` weights, exactly as scoring computes it.
#include "svcorg/plan/quality.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_map>

#include "svcorg/util/weighted.hpp"
#include "svcorg/validate/checks.hpp"

namespace svcorg::validate::detail {

namespace {

using model::Item;
using model::Plan;

// A submitted plan of a known branch and type, with what its quality reads.
struct Candidate {
  const Plan* plan;
  const rules::TypeRules* rules;
  std::set<std::string> need_categories;  // C: of the branch's needs in the plan's year, not declined as of A
};

std::string item_id(const Item& item) {
  return item.id ? *item.id : "?";
}

// q as a message shows it: rounded to 4 decimals like `detail.quality`, or to more when
// that would round it up to the minimum it is below.
std::string shown(double q, double minimum) {
  for (int d = 4; d < 9; ++d)
    if (util::round_to(q, d) < minimum) return fmt::format("{}", util::round_to(q, d));
  return fmt::format("{}", util::round_to(q, 9));
}

// Whether the indicator `name` lowers q: it has a weight and a value below 1.
bool lowers(const plan::Quality& q, const char* name) {
  for (const auto& p : q.parts)
    if (p.name == name) return p.weight > 0 && p.value && *p.value < 1.0;
  return false;
}

// Parts joined from the right: `join(first, rest)` over the parts in order.
template <class Join>
i18n::Message fold(std::vector<i18n::Message> parts, Join join) {
  i18n::Message out = std::move(parts.back());
  for (size_t i = parts.size() - 1; i-- > 0;) out = join(std::move(parts[i]), std::move(out), parts.size() - i);
  return out;
}

// What lowers q, each with what to do about it: the indicators below 1 that weigh.
i18n::Message message(const Plan& p, const plan::Quality& q, const rules::TypeRules& tr, int year) {
  i18n::Message head("validate.plan-quality.head", {{"plan", p.id ? *p.id : "?"},
                                                    {"q", shown(q.q, tr.min_plan_quality)},
                                                    {"min", fmt::format("{}", tr.min_plan_quality)}});
  if (q.inputs.items == 0) {
    const int64_t least = std::max<int64_t>(tr.min_plan_items, 1);
    return i18n::Message(least == 1 ? "validate.plan-quality.no-items.one" : "validate.plan-quality.no-items.other",
                         {{"head", std::move(head)}, {"n", least}});
  }
  std::vector<i18n::Message> why, todo;
  // "the item(s) `a` and `b` <what>" (`one`/`many`: the message ids), for the items that fail `ok`.
  const auto items_without = [&](bool (*ok)(const Item&), const char* one, const char* many) {
    std::vector<std::string> ids;
    for (const Item& item : *p.items)
      if (!ok(item)) ids.push_back(item_id(item));
    return i18n::Message(ids.size() == 1 ? one : many, {{"items", i18n::codes(ids)}});
  };
  if (lowers(q, "linked")) {
    why.push_back(
        items_without(plan::linked, "validate.plan-quality.unlinked.one", "validate.plan-quality.unlinked.other"));
    todo.emplace_back("validate.plan-quality.todo.linked");
  }
  if (lowers(q, "measurable")) {
    why.push_back(items_without(plan::measurable, "validate.plan-quality.unmeasurable.one",
                                "validate.plan-quality.unmeasurable.other"));
    todo.emplace_back("validate.plan-quality.todo.measurable");
  }
  if (lowers(q, "breadth")) {
    why.emplace_back(q.inputs.items == 1 ? "validate.plan-quality.breadth.one" : "validate.plan-quality.breadth.other",
                     std::vector<std::pair<std::string, i18n::Arg>>{{"n", q.inputs.items}, {"min", tr.min_plan_items}});
    todo.emplace_back("validate.plan-quality.todo.breadth",
                      std::vector<std::pair<std::string, i18n::Arg>>{{"min", tr.min_plan_items}});
  }
  if (lowers(q, "coverage")) {
    std::vector<std::string> uncovered;
    std::set_difference(q.inputs.need_categories.begin(), q.inputs.need_categories.end(),
                        q.inputs.covered_categories.begin(), q.inputs.covered_categories.end(),
                        std::back_inserter(uncovered));
    const bool one = uncovered.size() == 1;
    why.emplace_back(
        one ? "validate.plan-quality.uncovered.one" : "validate.plan-quality.uncovered.other",
        std::vector<std::pair<std::string, i18n::Arg>>{{"categories", i18n::codes(uncovered)}, {"year", year}});
    todo.emplace_back(one ? "validate.plan-quality.todo.coverage.one" : "validate.plan-quality.todo.coverage.other",
                      std::vector<std::pair<std::string, i18n::Arg>>{{"categories", i18n::codes(uncovered)}});
  }
  if (why.empty())  // only indicators that weigh 0 fall short: the District's weights decide
    return i18n::Message("validate.plan-quality.weights", {{"head", std::move(head)}});
  const size_t n = todo.size();
  i18n::Message reasons = fold(std::move(why), [](i18n::Message first, i18n::Message rest, size_t) {
    return i18n::Message("validate.plan-quality.then", {{"first", std::move(first)}, {"rest", std::move(rest)}});
  });
  // "a and b", "a, b, and c": the last pair of more than two takes the comma too.
  i18n::Message actions = fold(std::move(todo), [n](i18n::Message first, i18n::Message rest, size_t from_end) {
    if (from_end > 2)
      return i18n::Message("validate.plan-quality.todo.comma",
                           {{"first", std::move(first)}, {"rest", std::move(rest)}});
    return i18n::Message(n == 2 ? "validate.plan-quality.todo.and" : "validate.plan-quality.todo.and-last",
                         {{"first", std::move(first)}, {"last", std::move(rest)}});
  });
  return i18n::Message("validate.plan-quality.reasons",
                       {{"head", std::move(head)}, {"why", std::move(reasons)}, {"todo", std::move(actions)}});
}

}  // namespace

std::set<const Plan*> check_plan_quality(Context& c) {
  std::set<const Plan*> flagged;
  std::vector<Candidate> candidates;
  std::unordered_map<std::string, std::vector<size_t>> by_branch;  // candidates by their branch's id
  for (const Plan* p : c.plans) {
    if (!p->status || *p->status != "submitted" || !p->year) continue;
    const model::Branch* b = c.branch(p->branch);
    const rules::TypeRules* tr = c.type_rules(b);
    if (!tr) continue;  // an unknown branch or type: `reference`, `schema`
    by_branch[*b->id].push_back(candidates.size());
    candidates.push_back({p, tr, {}});
  }
  if (candidates.empty()) return flagged;
  const util::Weights weights = rules::weight_group(
      rules::effective_scoring(c.rs.districts.empty() ? nullptr : c.rs.districts.front().scoring.get()), "quality");
  if (weights.empty()) return flagged;  // `scoring.quality` is not a mapping: a `schema` error

  // A branch's needs usually come together (one ledger file per branch): the previous
  // need's lookup is reused.
  const std::string* last = nullptr;  // in the records' pool: one string per text
  const std::vector<size_t>* of_branch = nullptr;
  for (const model::NeedCore* n : c.needs) {
    if (!n->branch) continue;
    if (n->branch.p != last) {
      auto it = by_branch.find(*n->branch);
      of_branch = it == by_branch.end() ? nullptr : &it->second;
      last = n->branch.p;
    }
    if (!of_branch) continue;
    for (size_t k : *of_branch) {
      Candidate& cand = candidates[k];
      if (!n->category ||
          ledger::membership(*n, {static_cast<int>(*cand.plan->year), c.options.as_of}) == ledger::Membership::None)
        continue;
      if (!ledger::facts(*n, cand.rules, c.options.as_of).declined) cand.need_categories.insert(*n->category);
    }
  }
  for (const Candidate& cand : candidates) {
    const Plan& p = *cand.plan;
    std::vector<const model::NeedCore*> listed;
    if (p.items)
      for (const Item& item : *p.items)
        if (item.needs)
          for (const auto& ref : *item.needs)
            if (const model::NeedCore* n = c.need(ref)) listed.push_back(n);
    const plan::Quality q =
        plan::quality(p, {cand.need_categories.begin(), cand.need_categories.end()}, listed, *cand.rules, weights);
    if (q.q >= cand.rules->min_plan_quality - plan::kTie) continue;
    c.error(p, p.status.pos, "plan-quality", message(p, q, *cand.rules, static_cast<int>(*p.year)));
    flagged.insert(&p);
  }
  return flagged;
}

}  // namespace svcorg::validate::detail
