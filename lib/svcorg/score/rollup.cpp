// Street and district roll-ups (SPEC 6.8): the three levels of responsibility.
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "svcorg/model/vocab.hpp"
#include "svcorg/score/components.hpp"

namespace svcorg::score {

Rollup rollup(const std::string& id, const std::string& layer, const std::vector<const model::Branch*>& branches,
              const model::RecordSet& rs, const FactsByBranch& facts_by_branch, const Result& result,
              const ledger::Window& w) {
  Rollup r;
  r.id = id;
  r.branches = branches.size();
  // The members' ids, in order, and hashed for the lookups of every scored branch (an
  // ordered map's string compares were 2% of a warm score).
  std::vector<std::string_view> members;
  members.reserve(branches.size());
  for (const auto* b : branches) members.emplace_back(*b->id);
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  const std::unordered_set<std::string_view> is_member(members.begin(), members.end());
  for (const auto& type : model::vocab::kBranchTypes) {
    const auto n = static_cast<size_t>(std::count_if(
        branches.begin(), branches.end(), [&](const model::Branch* b) { return b->type && *b->type == type; }));
    if (n > 0) r.by_type.emplace_back(type, n);
  }
  double sum = 0;
  for (const auto& s : result.branches) {
    if (!is_member.count(*s.branch->id)) continue;
    ++r.scored;
    sum += s.total;
  }
  if (r.scored > 0) r.mean_total = sum / static_cast<double>(r.scored);

  // The members' needs of this layer (metrics do not depend on the order of the facts).
  std::vector<ledger::NeedFacts> facts;
  for (const auto& member : members) {
    auto it = facts_by_branch.find(std::string(member));
    if (it == facts_by_branch.end()) continue;
    for (const auto& f : it->second)
      if (f.layer && *f.layer == layer) facts.push_back(f);
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
