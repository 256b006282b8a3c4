#include "svcorg/scope/standing.hpp"

#include <cmath>
#include <map>

#include "svcorg/score/score.hpp"

namespace svcorg::scope {

std::vector<Standing> standings(const score::Result& r) {
  std::vector<Standing> out;
  out.reserve(r.branches.size() + r.unscored.size());
  for (const auto& s : r.branches)
    out.push_back({*s.branch->id, true, std::llround(s.total * 100), s.grade, s.rank_in_district, s.rank_in_type});
  for (const auto& u : r.unscored) out.push_back({u.id, false, 0, {}, 0, 0});
  return out;
}

std::set<std::string> moved(const std::vector<Standing>& now, const std::vector<Standing>& then) {
  std::map<std::string, const Standing*> before;
  for (const auto& s : then) before.emplace(s.id, &s);
  std::set<std::string> out;
  for (const auto& s : now) {
    const auto found = before.find(s.id);
    if (found == before.end()) {
      out.insert(s.id);
      continue;
    }
    const Standing& b = *found->second;
    before.erase(found);
    if (s.scored != b.scored ||
        (s.scored && (s.total_cents != b.total_cents || s.grade != b.grade ||
                      s.rank_in_district != b.rank_in_district || s.rank_in_type != b.rank_in_type)))
      out.insert(s.id);
  }
  for (const auto& [id, s] : before) out.insert(id);
  return out;
}

}  // namespace svcorg::scope
