#include "svcorg/score/score.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <unordered_map>

#include "svcorg/model/vocab.hpp"
#include "svcorg/score/components.hpp"
#include "svcorg/util/parallel.hpp"
#include "svcorg/util/view_table.hpp"

namespace svcorg::score {

namespace {

using model::Branch;
using model::NeedCore;
using model::Plan;
using model::Platform;

// Lookups built once over the records.
struct Index {
  std::map<std::string, const Branch*> branches;  // by id (sorted)
  // The ids year Y's plan items list (views of the plans' strings), and the first need
  // of each (by number in listed_ids; null for an id no need has). Only these are looked
  // up: a few per branch, not the ledger.
  util::ViewTable listed_ids;
  std::vector<const NeedCore*> listed;
  FactsByBranch facts_by_branch;  // Y's ledger
  std::unordered_map<std::string, std::vector<const Platform*>> platforms_by_branch;
  std::unordered_map<std::string, const Plan*> plans;  // plans for Y by branch
};

const rules::TypeRules& type_rules(const rules::Rules& rules, const Branch& b) {
  static const rules::TypeRules kNone;
  const auto* t = b.type ? rules.for_type(*b.type) : nullptr;
  return t ? *t : kNone;
}

// What one pass over a run of needs finds: the facts of those in Y's ledger, by branch,
// and the first need of each listed id (by slot in `listed`).
struct NeedPass {
  FactsByBranch facts;
  std::vector<const NeedCore*> found;
};

void pass_over(const std::vector<std::vector<NeedCore>>& parts, size_t from, size_t to, const Index& ix,
               const rules::Rules& rules, const ledger::Window& w, NeedPass& out) {
  const util::ViewTable& slots = ix.listed_ids;
  out.found.assign(slots.size(), nullptr);
  // A branch's needs usually come together (one ledger file per branch): the lookups of
  // the previous need's branch are reused.
  const std::string* last = nullptr;  // in the records' pool: one string per text
  const rules::TypeRules* tr = nullptr;
  std::vector<ledger::NeedFacts>* facts = nullptr;
  for (size_t p = from; p < to; ++p)
    for (const NeedCore& n : parts[p]) {
      if (n.id && slots.size() != 0)
        if (const size_t k = slots.find(*n.id); k != util::ViewTable::npos && !out.found[k]) out.found[k] = &n;
      if (!n.branch) continue;
      const ledger::Membership in_ledger = ledger::membership(n, w);
      if (in_ledger == ledger::Membership::None) continue;
      if (!last || *last != *n.branch) {
        auto it = ix.branches.find(*n.branch);
        tr = it == ix.branches.end() ? nullptr : &type_rules(rules, *it->second);
        facts = &out.facts[*n.branch];
        last = n.branch.p;
      }
      facts->push_back(ledger::facts(n, tr, w, in_ledger));
    }
}

Index build_index(const model::RecordSet& rs, const rules::Rules& rules, const ledger::Window& w, unsigned threads) {
  Index ix;
  for (const auto& b : rs.branches)
    if (b.id) ix.branches.emplace(*b.id, &b);
  for (const auto& p : rs.plans) {
    if (!p.branch || !p.year || *p.year != w.year) continue;
    ix.plans.emplace(*p.branch, &p);
    if (p.items)
      for (const auto& it : *p.items)
        if (it.needs)
          for (const auto& id : *it.needs) ix.listed_ids.add(*id);
  }
  // The needs in runs of whole parts (files) of about equal size, a pass over each: the
  // passes are merged in the runs' order, so the facts come in the needs' order for every
  // branch and the first need of an id wins, as in one pass.
  const auto& parts = rs.need_cores.parts();
  const std::vector<size_t> runs = rs.need_cores.runs(util::pieces_for(threads));
  std::vector<NeedPass> passes(runs.size() - 1);
  util::parallel_for(passes.size(), threads,
                     [&](size_t k) { pass_over(parts, runs[k], runs[k + 1], ix, rules, w, passes[k]); });
  ix.facts_by_branch = std::move(passes.front().facts);
  for (size_t k = 1; k < passes.size(); ++k)
    for (auto& [branch, facts] : passes[k].facts) {
      auto& into = ix.facts_by_branch[branch];
      if (into.empty())
        into = std::move(facts);
      else
        into.insert(into.end(), std::make_move_iterator(facts.begin()), std::make_move_iterator(facts.end()));
    }
  for (auto& entry : ix.facts_by_branch) entry.second.shrink_to_fit();  // kept for the whole scoring
  ix.listed.assign(ix.listed_ids.size(), nullptr);
  for (size_t k = 0; k < ix.listed.size(); ++k)
    for (const NeedPass& pass : passes)
      if (!ix.listed[k]) ix.listed[k] = pass.found[k];
  for (const auto& p : rs.platforms) {
    std::vector<std::string> members;
    if (p.owner && p.level && model::vocab::branch_owned_level(*p.level)) members.push_back(*p.owner);
    if (p.participants)
      for (const auto& t : *p.participants) members.push_back(*t);
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    for (const auto& m : members)
      if (ix.branches.count(m)) ix.platforms_by_branch[m].push_back(&p);
  }
  return ix;
}

std::vector<const NeedCore*> listed_needs(const Plan& plan, const Index& ix) {
  std::vector<const NeedCore*> out;
  if (!plan.items) return out;
  for (const auto& it : *plan.items)
    if (it.needs)
      for (const auto& id : *it.needs)
        if (const size_t k = ix.listed_ids.find(*id); k != util::ViewTable::npos && ix.listed[k])
          out.push_back(ix.listed[k]);
  return out;
}

diag::Diagnostic warning(const model::RecordSet& rs, const model::RecordBase& rec, const char* kind, std::string rule,
                         i18n::Message message) {
  diag::Diagnostic d;
  d.file = rs.files[rec.file];
  d.pos = rec.pos;
  d.severity = diag::Severity::Warning;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.kind = kind;
  d.id = rec.id ? *rec.id : "";
  return d;
}

// Everything but the peer comparison, which needs every plan's quality first.
BranchScore score_one(const Branch& b, const Plan& plan, const Index& ix, const rules::Rules& rules, const Model& m,
                      const ledger::Window& w) {
  const rules::TypeRules& tr = type_rules(rules, b);
  BranchScore s;
  s.branch = &b;
  s.plan = &plan;
  s.provisional = !plan.status || *plan.status != "reviewed";
  s.beta = m.base_weight(w.year);
  s.base_parts = plan.base ? base_parts(*plan.base, tr, m) : std::vector<Part>{};
  s.base = weighted_mean(s.base_parts).value_or(0.0);

  static const std::vector<ledger::NeedFacts> kNoNeeds;
  auto f = ix.facts_by_branch.find(*b.id);
  const auto& facts = f == ix.facts_by_branch.end() ? kNoNeeds : f->second;
  plan::Quality q = plan::quality(plan, plan::need_categories(facts), listed_needs(plan, ix), tr, m.quality);
  s.quality_inputs = std::move(q.inputs);
  s.quality_parts = std::move(q.parts);
  s.quality = q.q;

  s.needs = ledger::metrics(facts, w.as_of);
  s.effect_parts = effect_parts(s.needs, m);
  s.satisfaction_parts = satisfaction_parts(plan, m);

  static const std::vector<const Platform*> kNoPlatforms;
  auto p = ix.platforms_by_branch.find(*b.id);
  s.systems_entries = systems_entries(p == ix.platforms_by_branch.end() ? kNoPlatforms : p->second, tr, w);

  if (plan.review && plan.review->awards)
    for (const auto& a : *plan.review->awards)
      if (a.approved && *a.approved) ++s.approved_awards;
  s.bonus = std::min(m.award_cap, m.award_points * static_cast<double>(s.approved_awards));
  return s;
}

void finish_one(BranchScore& s, const Model& m) {
  s.plan_level_parts = {{"absolute", m.weight(m.plan_level, "absolute"), s.quality},
                        {"relative", m.weight(m.plan_level, "relative"), s.percentile}};
  const double plan_level = 100.0 * weighted_mean(s.plan_level_parts).value_or(0.0);
  const double execution_value = execution(*s.plan, s.execution_weight_sum);
  std::optional<double> systems;
  if (!s.systems_entries.empty()) {
    double sum = 0;
    for (const auto& e : s.systems_entries) sum += e.value;
    systems = 100.0 * sum / static_cast<double>(s.systems_entries.size());
  }
  const double effect = s.needs.size() == 0 ? 0.0 : 100.0 * weighted_mean(s.effect_parts).value_or(0.0);
  const double satisfaction = weighted_mean(s.satisfaction_parts).value_or(0.0);
  std::vector<Part> parts;
  const std::vector<std::pair<std::string, std::optional<double>>> values = {{"plan_level", plan_level},
                                                                             {"execution", execution_value},
                                                                             {"effect", effect},
                                                                             {"systems", systems},
                                                                             {"satisfaction", satisfaction}};
  for (const auto& [name, w] : m.autonomous)
    for (const auto& [n, v] : values)
      if (n == name) parts.push_back({name, w, v});
  s.components = std::move(parts);
  s.autonomous = weighted_mean(s.components).value_or(0.0);
  s.total_unrounded = std::min(100.0, s.beta * s.base + (1.0 - s.beta) * s.autonomous + s.bonus);
  s.total = round_to(s.total_unrounded, 2);
  s.grade = m.grade(s.total);
}

// The peers of a branch are the scored branches of its type (6.2).
void peer_percentiles(std::vector<BranchScore>& scores) {
  std::map<std::string, std::vector<size_t>> by_type;
  for (size_t i = 0; i < scores.size(); ++i) by_type[scores[i].branch->type.v].push_back(i);
  for (const auto& entry : by_type) {
    const std::vector<size_t>& members = entry.second;
    std::vector<double> qualities;
    qualities.reserve(members.size());
    for (size_t i : members) qualities.push_back(scores[i].quality);
    const auto p = percentiles(qualities);
    for (size_t k = 0; k < members.size(); ++k) {
      scores[members[k]].peers = members.size();
      scores[members[k]].percentile = p[k];
    }
  }
}

// By total descending, then id; a rank is 1 + the number of branches (in the district,
// or of the same type) with a strictly higher total, so equal totals share a rank.
void rank(std::vector<BranchScore>& scores) {
  std::sort(scores.begin(), scores.end(), [](const BranchScore& a, const BranchScore& b) {
    return a.total != b.total ? a.total > b.total : a.branch->id.v < b.branch->id.v;
  });
  struct Run {
    size_t seen = 0;  // branches before, in total order
    double total = 0;
    size_t rank = 0;
  };
  Run district;
  std::map<std::string, Run> by_type;
  auto place = [](Run& run, double total) {
    if (run.seen == 0 || total != run.total) {
      run.rank = run.seen + 1;
      run.total = total;
    }
    ++run.seen;
    return run.rank;
  };
  for (auto& s : scores) {
    s.rank_in_district = static_cast<int>(place(district, s.total));
    s.rank_in_type = static_cast<int>(place(by_type[s.branch->type.v], s.total));
  }
}

}  // namespace

std::vector<std::string> peer_ids(const Result& r, const BranchScore& s) {
  std::vector<std::string> ids;
  for (const auto& o : r.branches)
    if (&o != &s && o.branch->type.v == s.branch->type.v) ids.push_back(*o.branch->id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<double> BranchScore::component(const std::string& name) const {
  for (const auto& p : components)
    if (p.name == name) return p.value;
  return std::nullopt;
}

Result compute(const model::RecordSet& rs, const rules::Rules& rules, const Model& m, const ledger::Window& w,
               unsigned threads) {
  Result r;
  r.year = w.year;
  r.as_of = w.as_of;
  r.base_weight = m.base_weight(w.year);
  const Index ix = build_index(rs, rules, w, threads);
  // The branches with a plan are scored independently (on every thread), in id order;
  // the warnings are sorted at the end.
  std::vector<std::pair<const Branch*, const Plan*>> planned;
  for (const auto& [id, b] : ix.branches) {
    if (auto plan = ix.plans.find(id); plan != ix.plans.end()) {
      planned.emplace_back(b, plan->second);
      continue;
    }
    r.unscored.push_back({id, "missing-plan"});
    r.warnings.push_back(warning(rs, *b, "Branch", "missing-plan",
                                 i18n::Message("score.missing-plan", {{"year", w.year}, {"branch", id}})));
  }
  r.branches.resize(planned.size());
  util::parallel_for(planned.size(), threads, [&](size_t i) {
    r.branches[i] = score_one(*planned[i].first, *planned[i].second, ix, rules, m, w);
  });
  for (const BranchScore& s : r.branches) {
    if (s.needs.size() == 0)
      r.warnings.push_back(
          warning(rs, *s.branch, "Branch", "no-needs",
                  i18n::Message("score.no-needs", {{"year", w.year}, {"as_of", i18n::date(w.as_of.str())}})));
    const bool surveyed = std::any_of(s.satisfaction_parts.begin(), s.satisfaction_parts.end(),
                                      [](const Part& p) { return p.value.has_value(); });
    if (!surveyed) r.warnings.push_back(warning(rs, *s.plan, "Plan", "no-survey", i18n::Message("score.no-survey")));
  }
  peer_percentiles(r.branches);
  for (auto& s : r.branches) finish_one(s, m);
  rank(r.branches);

  std::vector<std::string> street_ids;
  if (!rs.districts.empty()) {
    for (const auto& st : rs.districts.front().streets)
      if (st.id) street_ids.push_back(*st.id);
  } else {
    for (const auto& [id, b] : ix.branches)
      if (b->street) street_ids.push_back(*b->street);
    std::sort(street_ids.begin(), street_ids.end());
    street_ids.erase(std::unique(street_ids.begin(), street_ids.end()), street_ids.end());
  }
  for (const auto& sid : street_ids) {
    std::vector<const Branch*> members;
    for (const auto& [id, b] : ix.branches)
      if (b->street && *b->street == sid) members.push_back(b);
    r.streets.push_back(rollup(sid, "street", members, rs, ix.facts_by_branch, r, w));
  }
  std::vector<const Branch*> all;
  for (const auto& [id, b] : ix.branches) all.push_back(b);
  const std::string district_id = rs.districts.empty() || !rs.districts.front().id ? "" : *rs.districts.front().id;
  r.district = rollup(district_id, "district", all, rs, ix.facts_by_branch, r, w);
  diag::sort_unique(r.warnings);
  return r;
}

}  // namespace svcorg::score
