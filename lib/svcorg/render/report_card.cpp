// The branch report card (SPEC 7): every component with the inputs behind it, the plan
// items with progress, needs, platforms and meetings, and what to improve first.
#include <algorithm>

#include <fmt/format.h>

#include "svcorg/render/report_common.hpp"

namespace svcorg::render::rpt {

using md::escape;

namespace {

std::string inputs(const score::BranchScore& s, const std::string& part, const Labels& l) {
  const auto& q = s.quality_inputs;
  const auto& n = s.needs;
  if (part == "plan_level") {
    std::string out =
        fmt::format("{} {:.4f}: {} {}, {} {}, {} {}", l.tr("report.quality"), s.quality, q.items, l.tr("report.items"),
                    q.linked, l.tr("report.linked"), q.measurable, l.tr("report.measurable"));
    if (s.percentile)
      return out + fmt::format("; {} {:.4f} ({} {})", l.tr("report.percentile"), *s.percentile, s.peers,
                               l.tr("report.peers"));
    return out + "; " + l.tr("report.single-peer");
  }
  if (part == "execution") return fmt::format("{} {}", q.items, l.tr("report.items"));
  if (part == "effect")
    return fmt::format("{} {} · {} {} · {} {} · {} {}", l.tr("report.needs-received"), n.received,
                       l.tr("report.needs-carried-over"), n.carried_over, l.tr("report.needs-resolved"), n.resolved,
                       l.tr("report.needs-overdue"), n.overdue);
  if (part == "systems") {
    if (s.systems_entries.empty()) return l.tr("report.requires-none");
    std::string out;
    for (const auto& e : s.systems_entries) {
      out += out.empty() ? "" : "; ";
      out += l.get("platform_category", e.category) + " ";
      out += e.best ? fmt::format("{} {}/{:.1f}", e.best->platform->id.v, e.best->held, e.best->expected)
                    : l.tr("report.no-platform");
    }
    return out;
  }
  if (part == "satisfaction") {
    auto survey = [&](const model::F<model::Survey>& v, const char* key) {
      const std::string name = l.get("part", key);
      if (!v) return name + " " + l.tr("report.no-survey");
      return fmt::format("{} {} {} ({} {})", name, l.tr("report.survey-mean"), v->mean.v, v->respondents.v,
                         l.tr("report.respondents"));
    };
    if (!s.plan->review) return l.tr("report.no-survey");
    return survey(s.plan->review->member_survey, "members") + "; " + survey(s.plan->review->public_survey, "public");
  }
  return "";
}

std::string components(const report::Data& d, const Labels& l) {
  const score::BranchScore& s = *d.card;
  md::Table t{{escape(l.tr("report.component")), escape(l.tr("report.value")), escape(l.tr("report.weight")),
               escape(l.tr("report.contribution")), escape(l.tr("report.inputs"))},
              {},
              {1, 2, 3}};
  for (const auto& r : d.card_rows) {
    const bool sum = r.part == "base" || r.part == "autonomous";
    std::string name = r.base ? l.get("component", "base") + " · " + l.get("part", r.part) : l.get("component", r.part);
    std::string weight = r.part == "base"         ? fmt::format("β {}", r.weight)
                         : r.part == "autonomous" ? fmt::format("1 − β {}", r.weight)
                                                  : fmt::format("{}", r.weight);
    t.rows.push_back({sum ? "**" + escape(name) + "**" : escape(name),
                      r.value ? num2(*r.value) : escape(l.tr("report.excluded")), weight, num2(r.contribution),
                      r.base || sum ? "" : escape(inputs(s, r.part, l))});
  }
  t.rows.push_back({escape(l.get("component", "bonus")), num2(s.bonus), "", num2(s.bonus),
                    std::to_string(s.approved_awards) + " " + escape(l.tr("report.approved-awards"))});
  t.rows.push_back({"**" + escape(l.get("component", "total")) + "**", "**" + num2(s.total) + "**", "", "", ""});
  return md::table(t) + "\n";
}

std::string improve(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.improve-first")));
  int n = 0;
  for (const auto& imp : d.improve) {
    if (++n > 5) break;
    const std::string name = imp.base ? l.get("component", "base") + " · " + l.get("part", imp.part)
                                      : l.get("component", imp.part);
    out += fmt::format("{}. **{}** {} — {} {}\n", n, escape(name), num2(imp.value), num2(imp.points_lost),
                       escape(l.tr("report.points-lost")));
    for (const auto& f : imp.facts) {
      std::string values;
      for (size_t i = 0; i < f.values.size(); ++i)
        values += (i ? ", " : "") + (!f.group.empty() ? escape(l.get(f.group, f.values[i]))
                                     : f.values[i].find(' ') == std::string::npos ? md::code(f.values[i])
                                                                                 : escape(f.values[i]));
      out += "   - " + escape(i18n::render(f.what, l.lang())) + (values.empty() ? "" : ": " + values) + "\n";
    }
  }
  return out + "\n";
}

std::string items(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.plan-items")));
  if (!d.plan) return out + escape(l.tr("report.no-plan")) + "\n\n";
  if (!d.plan->items || d.plan->items->empty()) return out + escape(l.tr("report.no-items")) + "\n\n";
  md::Table t{{escape(l.tr("report.item")), escape(l.tr("report.category")), escape(l.tr("report.target")),
               escape(l.tr("report.weight")), escape(l.tr("report.progress")), escape(l.tr("report.needs"))},
              {},
              {3}};
  for (const auto& it : *d.plan->items) {
    std::string target = it.target ? escape(it.target->metric.v) + " " + fmt::format("{}", it.target->value.v) : "—";
    std::string needs;
    if (it.needs)
      for (const auto& n : *it.needs) needs += (needs.empty() ? "" : ", ") + md::code(n.v);
    t.rows.push_back({escape(it.title.v) + " " + md::code(it.id.v), escape(l.get("category", it.category.v)), target,
                      fmt::format("{}", it.weight ? *it.weight : 1.0), md::progress_bar(it.progress ? *it.progress : 0),
                      needs.empty() ? "—" : needs});
  }
  return out + md::table(t) + "\n";
}

std::string needs(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.needs")));
  if (d.ledger.listing.rows.empty()) return out + escape(l.tr("report.no-needs")) + "\n\n";
  md::Table t{{escape(l.tr("report.need")), escape(l.tr("report.received")), escape(l.tr("report.channel")),
               escape(l.tr("report.category")), escape(l.tr("report.status")), escape(l.tr("report.due")),
               escape(l.tr("report.summary-text"))},
              {},
              {}};
  for (const auto& r : d.ledger.listing.rows) {
    const auto& n = *r.facts.need;
    t.rows.push_back({md::code(n.id.v), received(r.facts, l), escape(l.get("channel", n.channel.v)),
                      escape(l.get("category", n.category.v)),
                      escape(l.get("status", ledger::status_name(r.facts.status))) + (r.facts.overdue ? " ⚠" : ""),
                      r.facts.due.str(), escape(n.summary.v)});
  }
  return out + md::table(t) + "\n";
}

std::string meetings(const report::Data& d, const Labels& l) {
  std::string out = md::heading(3, escape(l.tr("report.meetings")));
  md::Table t{{escape(l.tr("report.date")), escape(l.tr("report.platform")), escape(l.tr("report.attendees")),
               escape(l.tr("report.needs")), escape(l.tr("report.note"))},
              {},
              {2}};
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  for (const auto& a : d.platforms) {
    if (!a.value || !a.platform->meetings) continue;
    for (const auto& m : *a.platform->meetings) {
      if (!m.date || *m.date < a.from || *m.date > a.to) continue;
      std::string needs;
      if (m.needs)
        for (const auto& n : *m.needs) needs += (needs.empty() ? "" : ", ") + md::code(n.v);
      rows.push_back({m.date->str() + a.platform->id.v,
                      {m.date->str(), md::code(a.platform->id.v), m.attendees ? std::to_string(*m.attendees) : "—",
                       needs.empty() ? "—" : needs, escape(m.note.v)}});
    }
  }
  std::sort(rows.begin(), rows.end());
  for (auto& r : rows) t.rows.push_back(std::move(r.second));
  if (t.rows.empty()) return out + "—\n\n";
  return out + md::table(t) + "\n";
}

}  // namespace

std::string report_card(const report::Data& d, const Labels& l) {
  const model::Branch& b = *d.branch;
  std::string out = md::heading(1, escape(l.tr("report.branch-report") + ": " + b.name.v) + " " + md::code(b.id.v));
  out += fmt::format("**{}** {} · **{}** {} · **{}** {} · **{}** {}\n\n", escape(l.tr("report.type")),
                     escape(l.get("type", b.type.v)), escape(l.tr("report.street")),
                     (d.street_names.count(b.street.v) ? escape(d.street_names.at(b.street.v)) + " " : std::string()) +
                         md::code(b.street.v),
                     escape(l.tr("report.year")), d.result->year, escape(l.tr("report.as-of")), d.result->as_of.str());
  if (!d.card) {
    out += "**" + escape(l.tr("report.not-scored")) + "**: " + escape(l.tr("report.missing-plan")) + "\n\n";
  } else {
    const auto& s = *d.card;
    out += fmt::format("**{}** {} · **{}** {} · **{}** {} · **{}** {}\n\n", escape(l.tr("report.plan")),
                       md::code(s.plan->id.v), escape(l.tr("report.status")),
                       escape(l.get("plan_status", s.plan->status.v)), escape(l.tr("report.rank-in-district")),
                       s.rank_in_district, escape(l.tr("report.rank-in-type")), s.rank_in_type);
    out += md::heading(2, fmt::format("{} {} · {}", escape(l.get("component", "total")), num2(s.total),
                                      escape(l.get("grade", s.grade))));
    if (s.provisional) out += "> " + escape(l.tr("report.provisional-note")) + "\n\n";
    out += md::heading(2, escape(l.tr("report.components"))) + components(d, l);
    out += improve(d, l);
  }
  out += items(d, l) + needs(d, l) + platforms(d, l, 2) + meetings(d, l) + secretaries(d, l, 2);
  return out;
}

}  // namespace svcorg::render::rpt

namespace svcorg::render {

std::string report_markdown(const report::Data& d, const Labels& l) {
  using report::ScopeKind;
  if (d.scope.kind == ScopeKind::Branch) return rpt::report_card(d, l);
  const bool district = d.scope.kind == ScopeKind::District;
  std::string out = rpt::header(d, l, district ? l.tr("report.district-report") : l.tr("report.street-report"));
  out += md::heading(2, md::escape(l.tr("report.summary")));
  md::Table t{{md::escape(l.tr("report.summary")), md::escape(l.tr("report.figure"))}, {}, {1}};
  t.rows.push_back({md::escape(l.tr("report.branches")), std::to_string(d.branches.size())});
  for (const auto& [type, n] : d.own->by_type) t.rows.push_back({"· " + md::escape(l.get("type", type)), std::to_string(n)});
  t.rows.push_back({md::escape(l.tr("report.scored")), std::to_string(d.scores.size())});
  t.rows.push_back({md::escape(l.tr("report.mean-total")), rpt::num2(d.mean_total)});
  const auto& m = d.ledger.listing.summary;
  t.rows.push_back({md::escape(l.tr("report.needs-received")), std::to_string(m.received)});
  t.rows.push_back({md::escape(l.tr("report.needs-carried-over")), std::to_string(m.carried_over)});
  t.rows.push_back({md::escape(l.tr("report.needs-resolved")), std::to_string(m.resolved)});
  t.rows.push_back({md::escape(l.tr("report.needs-overdue")), std::to_string(m.overdue)});
  t.rows.push_back({md::escape(l.tr("report.resolution-rate")), rpt::pct(m.resolution_rate)});
  t.rows.push_back({md::escape(l.tr("report.on-time-resolution-rate")), rpt::pct(m.on_time_resolution_rate)});
  t.rows.push_back({md::escape(l.tr("report.response-on-time-rate")), rpt::pct(m.response_on_time_rate)});
  out += md::table(t) + "\n";
  out += rpt::ranking(d, l) + rpt::streets(d, l) + rpt::ledger(d, l, 2) + rpt::platforms(d, l, 2) +
         rpt::secretaries(d, l, 2) + rpt::awards(d, l, 2) + rpt::appendix(d, l);
  return out;
}

}  // namespace svcorg::render
