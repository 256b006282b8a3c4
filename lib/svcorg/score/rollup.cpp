// Street and district roll-ups (SPEC 6.8): the three levels of responsibility.
#include <algorithm>
#include <map>

#include "svcorg/model/vocab.hpp"
#include "svcorg/score/components.hpp"

namespace svcorg::score {

Rollup rollup(const std::string& id, const std::string& layer, const std::vector<const model::Branch*>& branches,
              const model::RecordSet& rs, const rules::Rules& rules, const Result& result, const ledger::Window& w) {
  Rollup r;
  r.id = id;
  r.branches = branches.size();
  std::map<std::string, const model::Branch*> members;
  for (const auto* b : branches) members.emplace(*b->id, b);
  for (const auto& type : model::vocab::kBranchTypes) {
    const auto n = static_cast<size_t>(std::count_if(branches.begin(), branches.end(), [&](const model::Branch* b) {
      return b->type && *b->type == type;
    }));
    if (n > 0) r.by_type.emplace_back(type, n);
  }
  double sum = 0;
  for (const auto& s : result.branches) {
    if (!members.count(*s.branch->id)) continue;
    ++r.scored;
    sum += s.total;
  }
  if (r.scored > 0) r.mean_total = sum / static_cast<double>(r.scored);

  std::vector<ledger::NeedFacts> facts;
  for (const auto& n : rs.needs) {
    if (!n.branch || !n.layer || *n.layer != layer || !ledger::in_year(n, w)) continue;
    auto b = members.find(*n.branch);
    if (b == members.end()) continue;
    const rules::TypeRules* tr = b->second->type ? rules.for_type(*b->second->type) : nullptr;
    facts.push_back(ledger::facts(n, tr, w.as_of));
  }
  r.needs = ledger::metrics(facts, w.as_of);

  double adherence_sum = 0;
  size_t counted = 0;
  std::vector<const model::Platform*> owned;
  for (const auto& p : rs.platforms)
    if (!id.empty() && p.owner && *p.owner == id && p.level && !model::vocab::branch_owned_level(*p.level))
      owned.push_back(&p);
  std::sort(owned.begin(), owned.end(), [](const auto* a, const auto* b) { return a->id.v < b->id.v; });
  for (const auto* p : owned) {
    Adherence a = adherence(*p, w);
    if (a.value) {
      adherence_sum += *a.value;
      ++counted;
    }
    r.platforms.push_back(a);
  }
  if (counted > 0) r.platform_adherence = adherence_sum / static_cast<double>(counted);
  return r;
}

}  // namespace svcorg::score
