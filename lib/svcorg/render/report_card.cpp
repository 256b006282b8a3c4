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
    std::string out = fmt::format("{} {:.4f}: {} {}, {} {}, {} {}", l.text("quality"), s.quality, q.items,
                                  l.text("items"), q.linked, l.text("linked"), q.measurable, l.text("measurable"));
    if (s.percentile) return out + fmt::format("; {} {:.4f} ({} {})", l.text("percentile"), *s.percentile, s.peers,
                                               l.text("peers"));
    return out + "; " + l.text("single_peer");
  }
  if (part == "execution") return fmt::format("{} {}", q.items, l.text("items"));
  if (part == "effect")
    return fmt::format("{} {} · {} {} · {} {} · {} {}", l.text("needs_received"), n.received,
                       l.text("needs_carried_over"), n.carried_over, l.text("needs_resolved"), n.resolved,
                       l.text("needs_overdue"), n.overdue);
  if (part == "systems") {
    if (s.systems_entries.empty()) return l.text("requires_none");
    std::string out;
    for (const auto& e : s.systems_entries) {
      out += out.empty() ? "" : "; ";
      out += l.get("platform_category", e.category) + " ";
      out += e.best ? fmt::format("{} {}/{:.1f}", e.best->platform->id.v, e.best->held, e.best->expected)
                    : l.text("no_platform");
    }
    return out;
  }
  if (part == "satisfaction") {
    auto survey = [&](const model::F<model::Survey>& v, const char* key) {
      const std::string name = l.get("part", key);
      if (!v) return name + " " + l.text("no_survey");
      return fmt::format("{} {} {} ({} {})", name, l.text("survey_mean"), v->mean.v, v->respondents.v,
                         l.text("respondents"));
    };
    if (!s.plan->review) return l.text("no_survey");
    return survey(s.plan->review->member_survey, "members") + "; " + survey(s.plan->review->public_survey, "public");
  }
  return "";
}

std::string components(const score::BranchScore& s, const Labels& l) {
  md::Table t{{escape(l.text("component")), escape(l.text("value")), escape(l.text("weight")),
               escape(l.text("contribution")), escape(l.text("inputs"))},
              {},
              {1, 2, 3}};
  for (const auto& p : s.base_parts)
    t.rows.push_back({escape(l.get("component", "base") + " · " + l.get("part", p.name)),
                      p.value ? num2(*p.value) : escape(l.text("excluded")), fmt::format("{}", p.weight),
                      p.value ? num2(s.beta * score::share(s.base_parts, p.name) * *p.value) : "—", ""});
  t.rows.push_back({"**" + escape(l.get("component", "base")) + "**", num2(s.base), fmt::format("β {}", s.beta),
                    num2(s.beta * s.base), ""});
  for (const auto& c : s.components)
    t.rows.push_back({escape(l.get("component", c.name)), c.value ? num2(*c.value) : escape(l.text("excluded")),
                      fmt::format("{}", c.weight),
                      c.value ? num2((1 - s.beta) * score::share(s.components, c.name) * *c.value) : "—",
                      escape(inputs(s, c.name, l))});
  t.rows.push_back({"**" + escape(l.get("component", "autonomous")) + "**", num2(s.autonomous),
                    fmt::format("1 − β {}", 1 - s.beta), num2((1 - s.beta) * s.autonomous), ""});
  t.rows.push_back({escape(l.get("component", "bonus")), num2(s.bonus), "", num2(s.bonus),
                    std::to_string(s.approved_awards) + " " + escape(l.text("approved_awards"))});
  t.rows.push_back({"**" + escape(l.get("component", "total")) + "**", "**" + num2(s.total) + "**", "", "", ""});
  return md::table(t) + "\n";
}

std::string improve(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.text("improve_first")));
  int n = 0;
  for (const auto& imp : d.improve) {
    if (++n > 5) break;
    const std::string name = imp.base ? l.get("component", "base") + " · " + l.get("part", imp.part)
                                      : l.get("component", imp.part);
    out += fmt::format("{}. **{}** {} — {} {}\n", n, escape(name), num2(imp.value), num2(imp.points_lost),
                       escape(l.text("points_lost")));
    for (const auto& f : imp.facts) {
      std::string values;
      if (f.key == "few_items" || f.key == "low_percentile" || f.key == "member_survey_mean" ||
          f.key == "public_survey_mean" || f.key == "dues_paid_rate" || f.key == "meetings_held" ||
          f.key == "members_developed") {
        out += "   - " + escape(l.format("fact", f.key, f.values)) + "\n";
        continue;
      }
      for (size_t i = 0; i < f.values.size(); ++i)
        values += (i ? ", " : "") + (!f.group.empty() ? escape(l.get(f.group, f.values[i]))
                                     : f.values[i].find(' ') == std::string::npos ? md::code(f.values[i])
                                                                                 : escape(f.values[i]));
      out += "   - " + escape(l.get("fact", f.key)) + (values.empty() ? "" : ": " + values) + "\n";
    }
  }
  return out + "\n";
}

std::string items(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.text("plan_items")));
  if (!d.plan) return out + escape(l.text("no_plan")) + "\n\n";
  if (!d.plan->items || d.plan->items->empty()) return out + escape(l.text("no_items")) + "\n\n";
  md::Table t{{escape(l.text("item")), escape(l.text("category")), escape(l.text("target")), escape(l.text("weight")),
               escape(l.text("progress")), escape(l.text("needs"))},
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
  std::string out = md::heading(2, escape(l.text("needs")));
  if (d.ledger.listing.rows.empty()) return out + escape(l.text("no_needs")) + "\n\n";
  md::Table t{{escape(l.text("need")), escape(l.text("received")), escape(l.text("channel")),
               escape(l.text("category")), escape(l.text("status")), escape(l.text("due")),
               escape(l.text("summary_text"))},
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
  std::string out = md::heading(3, escape(l.text("meetings")));
  md::Table t{{escape(l.text("date")), escape(l.text("platform")), escape(l.text("attendees")), escape(l.text("needs")),
               escape(l.text("note"))},
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
  std::string out = md::heading(1, escape(l.text("branch_report") + ": " + b.name.v) + " " + md::code(b.id.v));
  out += fmt::format("**{}** {} · **{}** {} · **{}** {} · **{}** {}\n\n", escape(l.text("type")),
                     escape(l.get("type", b.type.v)), escape(l.text("street")),
                     (d.street_names.count(b.street.v) ? escape(d.street_names.at(b.street.v)) + " " : std::string()) +
                         md::code(b.street.v),
                     escape(l.text("year")), d.result->year, escape(l.text("as_of")), d.result->as_of.str());
  if (!d.card) {
    out += "**" + escape(l.text("not_scored")) + "**: " + escape(l.text("missing-plan")) + "\n\n";
  } else {
    const auto& s = *d.card;
    out += fmt::format("**{}** {} · **{}** {} · **{}** {} · **{}** {}\n\n", escape(l.text("plan")),
                       md::code(s.plan->id.v), escape(l.text("status")), escape(l.get("plan_status", s.plan->status.v)),
                       escape(l.text("rank_in_district")), s.rank_in_district, escape(l.text("rank_in_type")),
                       s.rank_in_type);
    out += md::heading(2, fmt::format("{} {} · {}", escape(l.get("component", "total")), num2(s.total),
                                      escape(l.get("grade", s.grade))));
    if (s.provisional) out += "> " + escape(l.text("provisional_note")) + "\n\n";
    out += md::heading(2, escape(l.text("components"))) + components(s, l);
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
  std::string out = rpt::header(d, l, district ? "district_report" : "street_report");
  out += md::heading(2, md::escape(l.text("summary")));
  md::Table t{{md::escape(l.text("summary")), md::escape(l.text("figure"))}, {}, {1}};
  t.rows.push_back({md::escape(l.text("branches")), std::to_string(d.branches.size())});
  for (const auto& [type, n] : d.own->by_type) t.rows.push_back({"· " + md::escape(l.get("type", type)), std::to_string(n)});
  t.rows.push_back({md::escape(l.text("scored")), std::to_string(d.scores.size())});
  double sum = 0;
  for (const auto* s : d.scores) sum += s->total;
  t.rows.push_back({md::escape(l.text("mean_total")),
                    d.scores.empty() ? "—" : rpt::num2(sum / static_cast<double>(d.scores.size()))});
  const auto& m = d.ledger.listing.summary;
  t.rows.push_back({md::escape(l.text("needs_received")), std::to_string(m.received)});
  t.rows.push_back({md::escape(l.text("needs_carried_over")), std::to_string(m.carried_over)});
  t.rows.push_back({md::escape(l.text("needs_resolved")), std::to_string(m.resolved)});
  t.rows.push_back({md::escape(l.text("needs_overdue")), std::to_string(m.overdue)});
  t.rows.push_back({md::escape(l.text("resolution_rate")), rpt::pct(m.resolution_rate)});
  t.rows.push_back({md::escape(l.text("on_time_resolution_rate")), rpt::pct(m.on_time_resolution_rate)});
  t.rows.push_back({md::escape(l.text("response_on_time_rate")), rpt::pct(m.response_on_time_rate)});
  out += md::table(t) + "\n";
  out += rpt::ranking(d, l) + rpt::streets(d, l) + rpt::ledger(d, l, 2) + rpt::platforms(d, l, 2) +
         rpt::secretaries(d, l, 2) + rpt::awards(d, l, 2) + rpt::appendix(d, l);
  return out;
}

}  // namespace svcorg::render
