#include "svcorg/report/improve.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace svcorg::report {

namespace {

std::string pct(double v) {
  return fmt::format("{:.0f}%", v * 100.0);
}

// A fact that names its figures in its message and lists nothing.
Fact figures(i18n::Message what) {
  return {std::move(what), {}};
}

Fact fact(const char* id) {
  return {i18n::Message(id), {}};
}

// A need by its summary, with its days overdue when it is overdue.
i18n::Arg need(const ledger::Row& r, util::Date as_of) {
  if (!r.facts.overdue) return r.facts.need->summary.v;
  return i18n::Message("report.fact.need-overdue",
                       {{"summary", r.facts.need->summary.v}, {"days", as_of - r.facts.due}});
}

std::vector<Fact> plan_level_facts(const score::BranchScore& s, int quality_rank) {
  std::vector<Fact> out;
  Fact unlinked = fact("report.fact.unlinked-items"), untargeted = fact("report.fact.no-target-items");
  if (s.plan->items)
    for (const auto& it : *s.plan->items) {
      if (!it.needs || it.needs->empty()) unlinked.values.push_back(it.title.v);
      if (!it.target || !it.target->value) untargeted.values.push_back(it.title.v);
    }
  const auto& q = s.quality_inputs;
  if (q.items == 0) out.push_back(fact("report.fact.no-items"));
  if (static_cast<int64_t>(q.items) < q.min_plan_items && q.items > 0)
    out.push_back(figures(i18n::Message(
        "report.fact.few-items", {{"items", std::to_string(q.items)}, {"minimum", std::to_string(q.min_plan_items)}})));
  if (!unlinked.values.empty()) out.push_back(unlinked);
  if (!untargeted.values.empty()) out.push_back(untargeted);
  Fact uncovered = fact("report.fact.uncovered-categories");
  for (const auto& c : q.need_categories)
    if (std::find(q.covered_categories.begin(), q.covered_categories.end(), c) == q.covered_categories.end())
      uncovered.values.push_back(i18n::label("category", c));
  if (!uncovered.values.empty()) out.push_back(uncovered);
  if (s.percentile && *s.percentile < 0.5)
    out.push_back(figures(i18n::Message("report.fact.low-quality-rank",
                                        {{"rank", std::to_string(quality_rank)}, {"peers", std::to_string(s.peers)}})));
  return out;
}

std::vector<Fact> execution_facts(const score::BranchScore& s) {
  Fact f = fact("report.fact.unfinished-items");
  if (s.plan->items)
    for (const auto& it : *s.plan->items) {
      const double progress = it.progress ? *it.progress : 0.0;
      if (progress < 1.0)
        f.values.push_back(
            i18n::Message("report.fact.item-progress", {{"title", it.title.v}, {"progress", pct(progress)}}));
    }
  if (f.values.empty()) return {};
  return {f};
}

std::vector<Fact> effect_facts(const LedgerView& l) {
  Fact carried = fact("report.fact.carried-over-needs"), overdue = fact("report.fact.overdue-needs"),
       open = fact("report.fact.open-needs");
  Fact unhappy = fact("report.fact.unsatisfied-feedback"), late = fact("report.fact.late-responses");
  const util::Date as_of = l.listing.window.as_of;
  for (const auto& r : l.listing.rows) {
    // Still open from an earlier year: named first, and not again among the overdue or open.
    if (r.facts.carried_over && r.facts.open)
      carried.values.push_back(need(r, as_of));
    else if (r.facts.overdue)
      overdue.values.push_back(need(r, as_of));
    else if (r.facts.open)
      open.values.push_back(need(r, as_of));
    if (r.facts.satisfaction && *r.facts.satisfaction < 4) unhappy.values.push_back(need(r, as_of));
    if (r.facts.response_counted && !r.facts.response_on_time) late.values.push_back(need(r, as_of));
  }
  std::vector<Fact> out;
  if (l.listing.rows.empty()) out.push_back(fact("report.fact.no-needs"));
  for (auto* f : {&carried, &overdue, &open, &late, &unhappy})
    if (!f->values.empty()) out.push_back(*f);
  return out;
}

std::vector<Fact> systems_facts(const score::BranchScore& s) {
  Fact missing = fact("report.fact.missing-platforms"), low = fact("report.fact.low-adherence");
  for (const auto& e : s.systems_entries) {
    if (!e.best)
      missing.values.push_back(i18n::label("platform_category", e.category));
    else if (e.value < 1.0)
      low.values.push_back(
          i18n::Message("report.fact.platform-held", {{"platform", e.best->platform->name.v},
                                                      {"held", std::to_string(e.best->held)},
                                                      {"expected", fmt::format("{:.1f}", e.best->expected)}}));
  }
  std::vector<Fact> out;
  if (!missing.values.empty()) out.push_back(missing);
  if (!low.values.empty()) out.push_back(low);
  return out;
}

std::vector<Fact> satisfaction_facts(const score::BranchScore& s) {
  std::vector<Fact> out;
  const model::Review* r = s.plan->review ? &*s.plan->review : nullptr;
  if (!r || !r->member_survey)
    out.push_back(fact("report.fact.no-member-survey"));
  else
    out.push_back(figures(
        i18n::Message("report.fact.member-survey-mean", {{"mean", fmt::format("{}", r->member_survey->mean.v)}})));
  if (!r || !r->public_survey)
    out.push_back(fact("report.fact.no-public-survey"));
  else
    out.push_back(figures(
        i18n::Message("report.fact.public-survey-mean", {{"mean", fmt::format("{}", r->public_survey->mean.v)}})));
  return out;
}

std::vector<Fact> base_facts(const score::BranchScore& s, const std::string& part) {
  const auto& b = *s.plan->base;
  if (part == "dues")
    return {figures(i18n::Message("report.fact.dues-paid-rate", {{"rate", pct(b.dues_paid_rate.v)}}))};
  if (part == "statistics") return {fact("report.fact.statistics-late")};
  if (part == "organizational_life")
    return {
        figures(i18n::Message("report.fact.meetings-held", {{"meetings", std::to_string(b.organizational_life.v)}}))};
  if (b.member_development)
    return {figures(i18n::Message("report.fact.members-developed",
                                  {{"developed", std::to_string(b.member_development->developed.v)},
                                   {"planned", std::to_string(b.member_development->planned.v)}}))};
  return {};
}

}  // namespace

std::vector<Improvement> improvements(const score::BranchScore& s, const LedgerView& ledger, int quality_rank) {
  std::vector<Improvement> out;
  for (const auto& p : s.base_parts) {
    if (!p.value) continue;
    const double lost = s.beta * score::share(s.base_parts, p.name) * (100.0 - *p.value);
    if (lost >= 0.005) out.push_back({p.name, true, *p.value, lost, base_facts(s, p.name)});
  }
  for (const auto& c : s.components) {
    if (!c.value) continue;
    const double lost = (1.0 - s.beta) * score::share(s.components, c.name) * (100.0 - *c.value);
    if (lost < 0.005) continue;
    std::vector<Fact> facts;
    if (c.name == "plan_level")
      facts = plan_level_facts(s, quality_rank);
    else if (c.name == "execution")
      facts = execution_facts(s);
    else if (c.name == "effect")
      facts = effect_facts(ledger);
    else if (c.name == "systems")
      facts = systems_facts(s);
    else
      facts = satisfaction_facts(s);
    out.push_back({c.name, false, *c.value, lost, std::move(facts)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Improvement& a, const Improvement& b) {
    return a.points_lost != b.points_lost ? a.points_lost > b.points_lost : a.part < b.part;
  });
  return out;
}

}  // namespace svcorg::report
