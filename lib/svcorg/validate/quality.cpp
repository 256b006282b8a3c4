// plan-quality (SPEC 4.2): a submitted plan whose quality q (SPEC 6.2, plan/quality)
// as of the as-of date is below `min_plan_quality`. q reads the plan's items, the needs
// they list and the branch's needs in the plan's year (Y's ledger as of A), with the
// scoring model's `quality` weights, exactly as scoring computes it.
#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "svcorg/plan/quality.hpp"
#include "svcorg/util/text.hpp"
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

std::string item_id(const Item& item) { return item.id ? *item.id : "?"; }

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

// What lowers q, each with what to do about it: the indicators below 1 that weigh.
std::string message(const Plan& p, const plan::Quality& q, const rules::TypeRules& tr, int year) {
  std::string head = fmt::format("the submitted plan `{}` has quality {}, below the minimum {}", p.id ? *p.id : "?",
                                 shown(q.q, tr.min_plan_quality), tr.min_plan_quality);
  if (q.inputs.items == 0) {
    const int64_t least = std::max<int64_t>(tr.min_plan_items, 1);
    return head + fmt::format(": it has no items; add at least {} item{} that answer{} the branch's needs, each "
                              "listing them in `needs` and with a numeric `target.value`",
                              least, least == 1 ? "" : "s", least == 1 ? "s" : "");
  }
  std::vector<std::string> why, todo;
  // "the item(s) `a` and `b` <verb> <what>", for the items that fail `ok`.
  const auto items_without = [&](bool (*ok)(const Item&), const char* verb_one, const char* verb_many,
                                 const char* what) {
    std::vector<std::string> ids;
    for (const Item& item : *p.items)
      if (!ok(item)) ids.push_back(item_id(item));
    const bool one = ids.size() == 1;
    return fmt::format("{} {} {} {}", one ? "the item" : "the items", util::quoted_list(ids, "and"),
                       one ? verb_one : verb_many, what);
  };
  if (lowers(q, "linked")) {
    why.push_back(items_without(plan::linked, "answers", "answer", "no need"));
    todo.push_back("list in each item's `needs` the ids of the needs it answers");
  }
  if (lowers(q, "measurable")) {
    why.push_back(items_without(plan::measurable, "has", "have", "no numeric target"));
    todo.push_back("give each item a numeric `target.value`");
  }
  if (lowers(q, "breadth")) {
    why.push_back(fmt::format("it has {} item{}, fewer than the {} a plan should have", q.inputs.items,
                              q.inputs.items == 1 ? "" : "s", tr.min_plan_items));
    todo.push_back(fmt::format("add items until there are {}", tr.min_plan_items));
  }
  if (lowers(q, "coverage")) {
    std::vector<std::string> uncovered;
    std::set_difference(q.inputs.need_categories.begin(), q.inputs.need_categories.end(),
                        q.inputs.covered_categories.begin(), q.inputs.covered_categories.end(),
                        std::back_inserter(uncovered));
    const std::string cats = util::quoted_list(uncovered, "and");
    why.push_back(fmt::format("no item covers the {} {} of the branch's needs in {}",
                              uncovered.size() == 1 ? "category" : "categories", cats, year));
    todo.push_back(fmt::format("cover {}{} with an item of that category or one that lists such a need", cats,
                               uncovered.size() == 1 ? "" : " each"));
  }
  if (why.empty())  // only indicators that weigh 0 fall short: the District's weights decide
    return head + "; the District's `scoring: quality:` weights leave no indicator that raises it";
  std::string out = head + ": ";
  for (size_t i = 0; i < why.size(); ++i) out += (i ? "; " : "") + why[i];
  out += "; ";
  for (size_t i = 0; i < todo.size(); ++i)
    out += (i == 0 ? "" : i + 1 < todo.size() ? ", " : todo.size() > 2 ? ", and " : " and ") + todo[i];
  return out;
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
