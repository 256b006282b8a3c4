// The branch report card (SPEC 7): every component with the inputs behind it, the plan
// items with progress, needs, platforms and meetings, and what to improve first.
#include <algorithm>

#include <fmt/format.h>

#include "svcorg/render/report_common.hpp"

namespace svcorg::render::rpt {

using md::escape;

namespace {

// Messages joined by the language's clause separator ("; " / "；").
std::string clauses(const std::vector<i18n::Message>& messages, const Labels& l) {
  std::string out;
  for (const auto& m : messages) out += (out.empty() ? "" : l.tr("report.clause-separator")) + i18n::render(m, l.lang());
  return out;
}

std::string components(const report::Data& d, const Labels& l) {
  const score::BranchScore& s = *d.card;
  md::Table t{{escape(l.tr("report.component")), escape(l.tr("report.value")), escape(l.tr("report.type-mean")),
               escape(l.tr("report.weight")), escape(l.tr("report.contribution")), escape(l.tr("report.inputs"))},
              {},
              {1, 2, 3, 4}};
  bool excluded = false;
  for (const auto& r : d.card_rows) {
    const bool sum = r.part == "base" || r.part == "autonomous";
    std::string name = r.base ? l.get("component", "base") + " · " + l.get("part", r.part) : l.get("component", r.part);
    std::string weight = r.part == "base"         ? fmt::format("β {}", r.weight)
                         : r.part == "autonomous" ? fmt::format("1 − β {}", r.weight)
                                                  : fmt::format("{}", r.weight);
    excluded = excluded || !r.value;
    t.rows.push_back({sum ? "**" + escape(name) + "**" : escape(name),
                      r.value ? num2(*r.value) : escape(l.tr("report.excluded")), num2(r.type_mean), weight,
                      num2(r.contribution), escape(clauses(r.inputs, l))});
  }
  std::vector<std::string> titles;
  for (const auto* a : d.card_awards) titles.push_back(escape(a->title.v));
  t.rows.push_back({escape(l.get("component", "bonus")), num2(s.bonus), "", "", num2(s.bonus),
                    titles.empty() ? escape(l.tr("report.none")) : join(titles, l)});
  t.rows.push_back({"**" + escape(l.get("component", "total")) + "**", "**" + num2(s.total) + "**",
                    num2(d.type_mean(s.branch->type.v) ? std::optional<double>(d.type_mean(s.branch->type.v)->total)
                                                       : std::nullopt),
                    "", "", ""});
  std::string out = md::table(t) + "\n";
  if (excluded) out += escape(l.tr("report.excluded-note")) + "\n\n";
  return out;
}

std::string improve(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.improve-first")));
  int n = 0;
  for (const auto& imp : d.improve) {
    if (++n > 5) break;
    const std::string name = imp.base ? l.get("component", "base") + " · " + l.get("part", imp.part)
                                      : l.get("component", imp.part);
    out += fmt::format("{}. **{}** {} — {}\n", n, escape(name), num2(imp.value),
                       say(l, "report.points-lost", {{"points", num2(imp.points_lost)}}));
    for (const auto& f : imp.facts) {
      std::vector<std::string> values;
      for (const auto& v : f.values) values.push_back(escape(i18n::render(v, l.lang())));
      const std::string what = escape(i18n::render(f.what, l.lang()));
      out += "   - " + (values.empty() ? what : say(l, "report.labelled", {{"label", what}, {"items", join(values, l)}})) +
             "\n";
    }
  }
  return out + "\n";
}

std::string items(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.plan-items")));
  if (!d.plan) return out + escape(l.tr("report.no-plan")) + "\n\n";
  if (!d.plan->items || d.plan->items->empty()) return out + escape(l.tr("report.no-items")) + "\n\n";
  md::Table t{{escape(l.tr("report.item")), escape(l.tr("report.category")), escape(l.tr("report.target")),
               escape(l.tr("report.weight")), escape(l.tr("report.progress")), escape(l.tr("report.linked-needs"))},
              {},
              {3, 5}};
  for (const auto& it : *d.plan->items) {
    std::string target = it.target ? escape(it.target->metric.v) + " " + fmt::format("{}", it.target->value.v) : "—";
    t.rows.push_back({escape(it.title.v), escape(l.get("category", it.category.v)), target,
                      fmt::format("{}", it.weight ? *it.weight : 1.0), md::progress_bar(it.progress ? *it.progress : 0),
                      std::to_string(it.needs ? it.needs->size() : 0)});
  }
  return out + md::table(t) + "\n";
}

std::string needs(const report::Data& d, const Labels& l, const ReportOptions& o) {
  std::string out = md::heading(2, escape(l.tr("report.needs")));
  if (d.card_needs.empty()) return out + escape(l.tr("report.no-needs")) + "\n\n";
  md::Table t{{escape(l.tr("report.summary-text")), escape(l.tr("report.status")), escape(l.tr("report.category")),
               escape(l.tr("report.received")), escape(l.tr("report.due")), escape(l.tr("report.need"))},
              {},
              {}};
  const size_t n = capped(d.card_needs.size(), o) ? kCap : d.card_needs.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& f = d.card_needs[i]->facts;
    const std::string status = l.get("status", ledger::status_name(f.status));
    t.rows.push_back({escape(f.need->summary.v),
                      f.overdue ? "**" + escape(l.tr("report.status-overdue",
                                                     {{"status", status}, {"days", d.result->as_of - f.due}})) +
                                      "**"
                                : escape(status),
                      escape(l.get("category", f.need->category.v)), received(f, l), f.due.str(),
                      md::code(f.need->id.v)});
  }
  out += md::table(t) + "\n";
  if (n < d.card_needs.size()) out += more(n, d.card_needs.size(), l) + "\n\n";
  return out;
}

// The meetings of the platforms the branch owns or joins, one line per platform.
std::string meetings(const report::Data& d, const Labels& l) {
  std::string out = md::heading(3, escape(l.tr("report.meetings")));
  md::Table t{{escape(l.tr("report.platform")), escape(l.tr("report.held-of-expected")),
               escape(l.tr("report.last-meeting")), escape(l.tr("report.needs-discussed"))},
              {},
              {1, 3}};
  for (const auto& m : d.meetings) {
    if (!m.adherence.value) continue;
    t.rows.push_back({escape(m.adherence.platform->name.v),
                      fmt::format("{}/{:.1f}", m.adherence.held, m.adherence.expected),
                      m.last ? m.last->str() : "—", std::to_string(m.needs_discussed)});
  }
  if (t.rows.empty()) return out + escape(l.tr("report.no-meetings")) + "\n\n";
  return out + md::table(t) + "\n";
}

}  // namespace

std::string report_card(const report::Data& d, const Labels& l, const ReportOptions& o) {
  const model::Branch& b = *d.branch;
  std::string out = md::heading(1, escape(l.tr("report.heading", {{"title", l.tr("report.branch-report")}, {"name", b.name.v}})) +
                                       " " + md::code(b.id.v));
  out += escape(l.tr("report.card.meta", {{"type", l.get("type", b.type.v)},
                                          {"street", d.name_of(b.street.v)},
                                          {"year", d.result->year},
                                          {"date", i18n::date(d.result->as_of.str())}})) +
         "\n\n";
  if (!d.card) {
    out += say(l, "report.labelled", {{"label", "**" + escape(l.tr("report.not-scored")) + "**"},
                                      {"items", escape(l.tr("report.missing-plan"))}}) +
           "\n\n";
  } else {
    const auto& s = *d.card;
    const auto* tm = d.type_mean(b.type.v);
    out += say(l, "report.card.ranks",
               {{"plan", md::code(s.plan->id.v)},
                {"status", escape(l.get("plan_status", s.plan->status.v))},
                {"district", fmt::format("{}/{}", s.rank_in_district, d.scored_in_district)},
                {"type_rank", fmt::format("{}/{}", s.rank_in_type, tm ? tm->scored : 0)},
                {"type", escape(l.get("type", b.type.v))}}) +
           "\n\n";
    out += md::heading(2, escape(l.tr("report.card.total", {{"total", num2(s.total)}, {"grade", l.get("grade", s.grade)}})));
    if (d.previous && d.previous->branch_totals.count(b.id.v)) {
      const double before = d.previous->branch_totals.at(b.id.v);
      out += escape(l.tr("report.card.change", {{"year", d.previous->year},
                                                {"before", num2(before)},
                                                {"delta", signed2(s.total - before)}})) +
             "\n\n";
    }
    if (s.provisional) out += "> " + escape(l.tr("report.card.provisional-note")) + "\n\n";
    out += improve(d, l);
    out += md::heading(2, escape(l.tr("report.components"))) + components(d, l);
  }
  out += items(d, l) + needs(d, l, o) + platforms(d, l, 2, o) + meetings(d, l) + secretaries(d, l, 2, o);
  return out;
}

}  // namespace svcorg::render::rpt

namespace svcorg::render {

std::string report_markdown(const report::Data& d, const Labels& l, const ReportOptions& o) {
  using report::ScopeKind;
  if (d.scope.kind == ScopeKind::Branch) return rpt::report_card(d, l, o);
  const bool district = d.scope.kind == ScopeKind::District;
  std::string out = rpt::header(d, l, district ? l.tr("report.district-report") : l.tr("report.street-report"));
  out += rpt::attention(d, l) + rpt::summary(d, l) + rpt::ranking(d, l) + rpt::streets(d, l) +
         rpt::ledger(d, l, 2, o) + rpt::platforms(d, l, 2, o) + rpt::secretaries(d, l, 2, o) + rpt::awards(d, l, 2) +
         rpt::appendix(d, l);
  return out;
}

}  // namespace svcorg::render
