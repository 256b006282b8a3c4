// The figures a report shows beyond the score result's own: names, means, ranks "of N",
// what needs attention, the previous year's totals and the branch card's rows. The
// renderers (render/report_*.cpp) format these and compute nothing.
#include "svcorg/report/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "svcorg/model/vocab.hpp"

namespace svcorg::report {

namespace {

constexpr const char* kGrades[] = {"excellent", "good", "fair", "poor"};

double mean(double sum, size_t n) {
  return score::round_to(sum / static_cast<double>(n), 2);
}

std::vector<TypeMeans> type_means(const score::Result& r) {
  std::vector<TypeMeans> out;
  for (const auto& type : model::vocab::kBranchTypes) {
    TypeMeans t{type, 0, 0, {}};
    std::map<std::string, std::pair<double, size_t>> sums;
    double total = 0;
    for (const auto& s : r.branches) {
      if (s.branch->type.v != type) continue;
      ++t.scored;
      total += s.total;
      for (const auto* parts : {&s.base_parts, &s.components})
        for (const auto& p : *parts)
          if (p.value) {
            sums[p.name].first += *p.value;
            ++sums[p.name].second;
          }
      sums["base"].first += s.base;
      ++sums["base"].second;
      sums["autonomous"].first += s.autonomous;
      ++sums["autonomous"].second;
    }
    if (t.scored == 0) continue;
    t.total = mean(total, t.scored);
    for (const auto& [name, sum] : sums) t.parts[name] = mean(sum.first, sum.second);
    out.push_back(std::move(t));
  }
  return out;
}

void names(const model::RecordSet& records, Data& d) {
  if (!records.districts.empty()) {
    const auto& district = records.districts.front();
    if (district.name) d.names[district.id.v] = *district.name;
    for (const auto& st : district.streets) d.names[st.id.v] = st.name.v;
  }
  for (const auto& b : records.branches)
    if (b.id && !d.names.count(b.id.v)) d.names[b.id.v] = b.name.v;
  for (const auto& p : records.platforms)
    if (p.id && !d.names.count(p.id.v)) d.names[p.id.v] = p.name.v;
}

void attention(Data& d) {
  Attention& a = d.attention;
  for (const auto& r : d.ledger.listing.rows)
    if (r.facts.overdue) a.overdue.push_back({&r, d.name_of(r.facts.need->branch.v), d.result->as_of - r.facts.due});
  std::stable_sort(a.overdue.begin(), a.overdue.end(), [](const OverdueNeed& x, const OverdueNeed& y) {
    if (x.days_overdue != y.days_overdue) return x.days_overdue > y.days_overdue;
    return x.row->facts.need->id.v < y.row->facts.need->id.v;
  });
  for (const auto& p : d.platforms)
    if (p.value && p.held < p.due) a.behind.push_back(p);  // as rule platform-cadence
  std::stable_sort(a.behind.begin(), a.behind.end(),
                   [](const score::Adherence& x, const score::Adherence& y) { return *x.value < *y.value; });
  for (const auto* b : d.branches) {
    if (!(b->secretary && b->secretary->certified && *b->secretary->certified)) a.uncertified.push_back(b);
    if (!b->reserve_cadres || *b->reserve_cadres == 0) a.no_reserve.push_back(b);
  }
  for (auto it = d.scores.rbegin(); it != d.scores.rend(); ++it)
    if ((*it)->grade == "fair" || (*it)->grade == "poor") a.weak.push_back(*it);
  for (const char* g : kGrades)
    a.grades.emplace_back(
        g, std::count_if(d.scores.begin(), d.scores.end(), [&](const score::BranchScore* s) { return s->grade == g; }));
}

// The inputs behind component `part` of the card, clause by clause.
std::vector<i18n::Message> inputs(const Data& d, const std::string& part) {
  const score::BranchScore& s = *d.card;
  const auto& q = s.quality_inputs;
  const auto& n = s.needs;
  if (part == "plan_level") {
    std::vector<i18n::Message> out = {
        i18n::Message("report.card.quality", {{"quality", fmt::format("{:.4f}", s.quality)},
                                              {"items", q.items},
                                              {"linked", q.linked},
                                              {"measurable", q.measurable}})};
    if (s.percentile)
      out.emplace_back("report.card.quality-rank",
                       std::vector<std::pair<std::string, i18n::Arg>>{{"rank", d.quality_rank}, {"peers", s.peers}});
    else
      out.emplace_back("report.single-peer");
    return out;
  }
  if (part == "execution") return {i18n::Message("report.card.items", {{"items", q.items}})};
  if (part == "effect")
    return {i18n::Message(
        "report.card.effect",
        {{"received", n.received}, {"carried", n.carried_over}, {"resolved", n.resolved}, {"overdue", n.overdue}})};
  if (part == "systems") {
    if (s.systems_entries.empty()) return {i18n::Message("report.requires-none")};
    std::vector<i18n::Message> out;
    for (const auto& e : s.systems_entries)
      out.push_back(e.best ? i18n::Message("report.card.systems-entry",
                                           {{"category", i18n::label("platform_category", e.category)},
                                            {"platform", e.best->platform->name.v},
                                            {"held", e.best->held},
                                            {"expected", fmt::format("{:.1f}", e.best->expected)}})
                           : i18n::Message("report.card.systems-missing",
                                           {{"category", i18n::label("platform_category", e.category)}}));
    return out;
  }
  if (part == "satisfaction") {
    auto survey = [&](const model::F<model::Survey>& v, const char* key) {
      if (!v) return i18n::Message("report.card.no-survey", {{"survey", i18n::label("part", key)}});
      return i18n::Message("report.card.survey", {{"survey", i18n::label("part", key)},
                                                  {"mean", fmt::format("{}", v->mean.v)},
                                                  {"respondents", fmt::format("{}", v->respondents.v)}});
    };
    if (!s.plan->review) return {i18n::Message("report.no-survey")};
    return {survey(s.plan->review->member_survey, "members"), survey(s.plan->review->public_survey, "public")};
  }
  return {};
}

void card(const Inputs& in, Data& d) {
  const score::BranchScore& s = *d.card;
  d.quality_rank = 1;
  for (const auto& o : in.result.branches)
    if (&o != &s && o.branch->type.v == s.branch->type.v && o.quality > s.quality) ++d.quality_rank;
  const TypeMeans* tm = d.type_mean(s.branch->type.v);
  auto type_mean = [&](const std::string& part) -> std::optional<double> {
    if (!tm || !tm->parts.count(part)) return std::nullopt;
    return tm->parts.at(part);
  };
  for (const auto& p : s.base_parts)
    d.card_rows.push_back(
        {p.name,
         true,
         p.value,
         p.weight,
         p.value ? std::optional<double>(s.beta * score::share(s.base_parts, p.name) * *p.value) : std::nullopt,
         type_mean(p.name),
         {}});
  d.card_rows.push_back({"base", false, s.base, s.beta, s.beta * s.base, type_mean("base"), {}});
  for (const auto& c : s.components)
    d.card_rows.push_back(
        {c.name, false, c.value, c.weight,
         c.value ? std::optional<double>((1 - s.beta) * score::share(s.components, c.name) * *c.value) : std::nullopt,
         type_mean(c.name), inputs(d, c.name)});
  d.card_rows.push_back(
      {"autonomous", false, s.autonomous, 1 - s.beta, (1 - s.beta) * s.autonomous, type_mean("autonomous"), {}});
  for (const auto& a : d.awards)
    if (a.award->approved && *a.award->approved) d.card_awards.push_back(a.award);
}

void card_needs(Data& d) {
  for (const auto& r : d.ledger.listing.rows) d.card_needs.push_back(&r);
  auto rank = [](const ledger::Row* r) { return r->facts.overdue ? 0 : r->facts.open ? 1 : 2; };
  std::stable_sort(d.card_needs.begin(), d.card_needs.end(), [&](const ledger::Row* a, const ledger::Row* b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (rank(a) == 0 && a->facts.due != b->facts.due) return a->facts.due < b->facts.due;
    return false;
  });
}

void meetings(Data& d) {
  std::set<std::string> own_needs;
  for (const auto& r : d.ledger.listing.rows) own_needs.insert(r.facts.need->id.v);
  for (const auto& a : d.platforms) {
    MeetingSummary m{a, d.name_of(a.platform->owner.v), std::nullopt, 0};
    if (a.value && a.platform->meetings)
      for (const auto& mt : *a.platform->meetings) {
        if (!mt.date || *mt.date < a.from || *mt.date > a.to) continue;
        if (!m.last || *m.last < *mt.date) m.last = *mt.date;
        if (mt.needs)
          for (const auto& n : *mt.needs) m.needs_discussed += own_needs.count(n.v);
      }
    d.meetings.push_back(std::move(m));
  }
}

}  // namespace

void figures(const Inputs& in, Data& d) {
  for (const auto& a : d.platforms) d.platforms_by_adherence.push_back(&a);
  std::stable_sort(d.platforms_by_adherence.begin(), d.platforms_by_adherence.end(),
                   [](const score::Adherence* a, const score::Adherence* b) {
                     return a->value.value_or(2.0) < b->value.value_or(2.0);
                   });
  names(in.records, d);
  d.type_means = type_means(in.result);
  d.scored_in_district = in.result.branches.size();
  auto provisional = [](const score::BranchScore* s) { return s->provisional; };
  d.any_provisional = std::any_of(d.scores.begin(), d.scores.end(), provisional);
  d.all_provisional = !d.scores.empty() && std::all_of(d.scores.begin(), d.scores.end(), provisional);
  if (!d.scores.empty()) {
    double sum = 0;
    for (const auto* s : d.scores) sum += s->total;
    d.mean_total = mean(sum, d.scores.size());
  }
  for (const auto& type : model::vocab::kBranchTypes) {
    double sum = 0;
    size_t n = 0;
    for (const auto* s : d.scores)
      if (s->branch->type.v == type) {
        sum += s->total;
        ++n;
      }
    if (n > 0) d.mean_by_type.emplace_back(type, mean(sum, n));
  }
  if (d.scope.kind == ScopeKind::Branch) {
    card_needs(d);
    meetings(d);
    if (d.card) card(in, d);
  } else {
    attention(d);
  }
}

std::optional<Previous> previous(const Inputs& in, const Data& d) {
  const int year = in.result.year - 1;
  const bool any = std::any_of(in.records.plans.begin(), in.records.plans.end(),
                               [&](const model::Plan& p) { return p.year && *p.year == year; });
  if (!any) return std::nullopt;
  const auto as_of = util::Date::parse(std::to_string(year) + "-12-31");
  if (!as_of) return std::nullopt;
  const score::Result r = score::compute(in.records, in.rules, in.model, ledger::Window{year, *as_of});
  Previous p;
  p.year = year;
  double sum = 0;
  size_t n = 0;
  std::set<std::string> in_scope;
  for (const auto* b : d.branches) in_scope.insert(b->id.v);
  for (const auto& s : r.branches) {
    p.branch_totals[s.branch->id.v] = s.total;
    if (in_scope.count(s.branch->id.v)) {
      sum += s.total;
      ++n;
    }
  }
  if (n > 0) p.mean_total = mean(sum, n);
  for (const auto& st : r.streets)
    p.street_means[st.id] = st.mean_total ? std::optional<double>(score::round_to(*st.mean_total, 2)) : std::nullopt;
  return p;
}

}  // namespace svcorg::report
