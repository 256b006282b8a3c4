#include <nlohmann/json.hpp>

#include "svcorg/render/score.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

namespace {

using json = nlohmann::ordered_json;
using score::round_to;

json num(const std::optional<double>& v, int decimals) {
  return v ? json(round_to(*v, decimals)) : json(nullptr);
}

json needs_json(const ledger::Metrics& n) {
  return json{{"received", n.received},
              {"declined", n.declined},
              {"resolved", n.resolved},
              {"open", n.open},
              {"overdue", n.overdue},
              {"resolution_rate", num(n.resolution_rate, 4)},
              {"on_time_resolution_rate", num(n.on_time_resolution_rate, 4)},
              {"response_on_time_rate", num(n.response_on_time_rate, 4)},
              {"feedback_satisfied_rate", num(n.feedback_satisfied_rate, 4)}};
}

json branch_json(const score::BranchScore& s) {
  json components;
  for (const char* name : {"plan_level", "execution", "effect", "systems", "satisfaction"})
    components[name] = num(s.component(name), 2);
  return json{{"id", *s.branch->id},
              {"name", *s.branch->name},
              {"type", *s.branch->type},
              {"street", *s.branch->street},
              {"plan", *s.plan->id},
              {"provisional", s.provisional},
              {"total", round_to(s.total, 2)},
              {"grade", s.grade},
              {"rank_in_district", s.rank_in_district},
              {"rank_in_type", s.rank_in_type},
              {"base", round_to(s.base, 2)},
              {"autonomous", round_to(s.autonomous, 2)},
              {"bonus", round_to(s.bonus, 2)},
              {"components", components},
              {"detail", {{"quality", round_to(s.quality, 4)}, {"percentile", num(s.percentile, 4)}, {"peers", s.peers}}},
              {"needs", needs_json(s.needs)}};
}

json rollup_json(const score::Rollup& r) {
  json by_type = json::object();
  for (const auto& [type, n] : r.by_type) by_type[type] = n;
  json j;
  j["id"] = r.id.empty() ? json(nullptr) : json(r.id);
  j["branches"] = r.branches;
  j["by_type"] = by_type;
  j["scored"] = r.scored;
  j["mean_total"] = num(r.mean_total, 2);
  j["needs"] = json{{"received", r.needs.received},
                    {"resolution_rate", num(r.needs.resolution_rate, 4)},
                    {"on_time_resolution_rate", num(r.needs.on_time_resolution_rate, 4)}};
  j["platform_adherence"] = num(r.platform_adherence, 4);
  return j;
}

}  // namespace

std::string score_json(const score::Result& r, const ScoreSelection& sel) {
  json branches = json::array(), unscored = json::array(), streets = json::array();
  for (const auto* s : sel.branches) branches.push_back(branch_json(*s));
  for (const auto* u : sel.unscored) unscored.push_back(json{{"id", u->id}, {"reason", u->reason}});
  for (const auto* st : sel.streets) streets.push_back(rollup_json(*st));
  json root;
  root["format"] = 1;
  root["year"] = r.year;
  root["as_of"] = r.as_of.str();
  root["base_weight"] = r.base_weight;
  root["branches"] = std::move(branches);
  root["unscored"] = std::move(unscored);
  root["streets"] = std::move(streets);
  root["district"] = rollup_json(r.district);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace svcorg::render
