// Sections of the district and street reports.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "svcorg/model/vocab.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/render/report_common.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render::rpt {

using md::escape;

std::string pct(const std::optional<double>& r) {
  return r ? fmt::format("{:.1f}%", score::round_to(*r * 100.0, 1)) : std::string("—");
}
std::string num2(double v) { return fmt::format("{:.2f}", score::round_to(v, 2)); }
std::string num2(const std::optional<double>& v) { return v ? num2(*v) : std::string("—"); }
std::string days(const std::optional<int32_t>& d) { return d ? std::to_string(*d) : std::string("—"); }
std::string received(const ledger::NeedFacts& f, const Labels& l) {
  if (!f.carried_over) return f.received.str();
  return md::escape(l.tr("report.received-carried-over", {{"date", f.received.str()}}));
}

std::string header(const report::Data& d, const Labels& l, const std::string& title) {
  std::string out = md::heading(1, escape(title + (d.name.empty() ? "" : ": " + d.name)));
  out += fmt::format("**{}** {} · **{}** {}\n\n", escape(l.tr("report.year")), d.result->year,
                     escape(l.tr("report.as-of")), d.result->as_of.str());
  const bool provisional =
      std::any_of(d.scores.begin(), d.scores.end(), [](const score::BranchScore* s) { return s->provisional; });
  if (provisional) out += "> " + escape(l.tr("report.provisional-note")) + "\n\n";
  return out;
}

namespace {

std::string grade_cell(const score::BranchScore& s, const Labels& l) { return escape(l.get("grade", s.grade)); }

std::string total_cell(const score::BranchScore& s) { return num2(s.total) + (s.provisional ? "\\*" : ""); }

// A street's name (from the District) with its id, or the id alone.
std::string street_name(const report::Data& d, const std::string& id) {
  auto it = d.street_names.find(id);
  return it == d.street_names.end() ? md::code(id) : escape(it->second) + " " + md::code(id);
}

}  // namespace

std::string ranking(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.ranking")));
  for (const auto& type : model::vocab::kBranchTypes) {
    md::Table t{{escape(l.tr("report.rank-in-type")), escape(l.tr("report.branch")), escape(l.tr("report.street")),
                 escape(l.tr("report.total")), escape(l.tr("report.grade")), escape(l.tr("report.rank-in-district"))},
                {},
                {0, 3, 5}};
    for (const auto* s : d.scores)
      if (s->branch->type.v == type)
        t.rows.push_back({std::to_string(s->rank_in_type), escape(s->branch->name.v) + " " + md::code(s->branch->id.v),
                          street_name(d, s->branch->street.v), total_cell(*s), grade_cell(*s, l),
                          std::to_string(s->rank_in_district)});
    if (t.rows.empty()) continue;
    out += md::heading(3, escape(l.get("type", type))) + md::table(t) + "\n";
  }
  if (!d.unscored.empty()) {
    out += "**" + escape(l.tr("report.not-scored")) + "**: ";
    for (size_t i = 0; i < d.unscored.size(); ++i)
      out += (i ? ", " : "") + md::code(d.unscored[i]->id) + " (" +
             escape(unscored_reason(l.lang(), d.unscored[i]->reason)) + ")";
    out += "\n\n";
  }
  return out;
}

std::string streets(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.streets")));
  md::Table t{{escape(l.tr("report.street")), escape(l.tr("report.branches")), escape(l.tr("report.scored")),
               escape(l.tr("report.mean-total")), escape(l.tr("report.own-needs")), escape(l.tr("report.carried-over")),
               escape(l.tr("report.resolution-rate")), escape(l.tr("report.on-time-resolution-rate")),
               escape(l.tr("report.platform-adherence"))},
              {},
              {1, 2, 3, 4, 5, 6, 7, 8}};
  auto row = [&](const score::Rollup& r, const std::string& name) {
    t.rows.push_back({name, std::to_string(r.branches), std::to_string(r.scored), num2(r.mean_total),
                      std::to_string(r.needs.received), std::to_string(r.needs.carried_over),
                      pct(r.needs.resolution_rate), pct(r.needs.on_time_resolution_rate), pct(r.platform_adherence)});
  };
  std::vector<std::pair<std::string, double>> bars;
  for (const auto* st : d.streets) {
    row(*st, street_name(d, st->id));
    if (st->mean_total) bars.emplace_back(st->id, *st->mean_total);
  }
  if (d.scope.kind == report::ScopeKind::District) row(*d.own, "**" + escape(l.tr("report.district-own")) + "**");
  out += md::table(t) + "\n";
  if (d.scope.kind == report::ScopeKind::District && !bars.empty())
    out += md::bar_chart(l.tr("report.mean-total-by-street"), l.tr("report.mean-total"), bars, 100) + "\n";
  std::vector<std::pair<std::string, double>> by_type;
  for (const auto& [type, mean] : d.mean_by_type) by_type.emplace_back(l.get("type", type), mean);
  if (!by_type.empty())
    out += md::bar_chart(l.tr("report.mean-total-by-type"), l.tr("report.mean-total"), by_type, 100) + "\n";
  return out;
}

namespace {

std::string group_table(const std::vector<report::Group>& groups, const std::string& label_group,
                        const std::string& heading, const Labels& l) {
  md::Table t{
      {escape(heading), escape(l.tr("report.received-in-year")), escape(l.tr("report.carried-over")),
       escape(l.tr("report.needs-resolved")), escape(l.tr("report.needs-open")), escape(l.tr("report.needs-overdue")),
       escape(l.tr("report.resolution-rate")), escape(l.tr("report.on-time-resolution-rate"))},
      {},
      {1, 2, 3, 4, 5, 6, 7}};
  for (const auto& g : groups)
    t.rows.push_back({escape(l.get(label_group, g.key)), std::to_string(g.metrics.received),
                      std::to_string(g.metrics.carried_over), std::to_string(g.metrics.resolved),
                      std::to_string(g.metrics.open), std::to_string(g.metrics.overdue), pct(g.metrics.resolution_rate),
                      pct(g.metrics.on_time_resolution_rate)});
  return md::table(t) + "\n";
}

// The carried-over count, with the years they were received in: "3 (1 from 2024, 2 from 2025)".
std::string carried_over(const ledger::Metrics& m, const Labels& l) {
  if (m.carried_over_by_year.empty()) return std::to_string(m.carried_over);
  std::string years;
  for (const auto& [year, n] : m.carried_over_by_year)
    years += (years.empty() ? "" : l.tr("report.list-separator")) +
             l.tr("report.carried-over-from", {{"count", n}, {"year", year}});
  return escape(l.tr("report.carried-over-years", {{"count", m.carried_over}, {"years", years}}));
}

std::string ledger_summary(const ledger::Metrics& m, const Labels& l) {
  md::Table t{{escape(l.tr("report.summary")), escape(l.tr("report.figure"))}, {}, {1}};
  auto add = [&](const char* id, std::string v) { t.rows.push_back({escape(l.tr(id)), std::move(v)}); };
  add("report.needs-received", std::to_string(m.received));
  add("report.needs-carried-over", carried_over(m, l));
  add("report.needs-resolved", std::to_string(m.resolved));
  add("report.needs-declined", std::to_string(m.declined));
  add("report.needs-open", std::to_string(m.open));
  add("report.needs-overdue", std::to_string(m.overdue));
  add("report.resolution-rate", pct(m.resolution_rate));
  add("report.on-time-resolution-rate", pct(m.on_time_resolution_rate));
  add("report.response-on-time-rate", pct(m.response_on_time_rate));
  add("report.feedback-satisfied-rate", pct(m.feedback_satisfied_rate));
  add("report.reopen-rate", pct(m.reopen_rate));
  t.rows.push_back(
      {escape(l.tr("report.response-days") + " (" + l.tr("report.median") + " / " + l.tr("report.p90") + ")"),
       days(m.response_days_median) + " / " + days(m.response_days_p90)});
  t.rows.push_back(
      {escape(l.tr("report.resolution-days") + " (" + l.tr("report.median") + " / " + l.tr("report.p90") + ")"),
       days(m.resolution_days_median) + " / " + days(m.resolution_days_p90)});
  std::string out = md::table(t) + "\n";
  md::Table b{{escape(l.tr("report.backlog")), escape(l.tr("report.count"))}, {}, {1}};
  const char* buckets[] = {"0-7", "8-30", "31-90", "> 90"};
  for (size_t i = 0; i < 4; ++i)
    b.rows.push_back({escape(std::string(buckets[i]) + " " + l.tr("report.days")), std::to_string(m.backlog[i])});
  return out + md::table(b) + "\n";
}

}  // namespace

std::string ledger(const report::Data& d, const Labels& l, int level) {
  const auto& v = d.ledger;
  std::string out = md::heading(level, escape(l.tr("report.ledger")));
  if (v.listing.rows.empty()) return out + escape(l.tr("report.no-needs")) + "\n\n";
  out += ledger_summary(v.listing.summary, l);
  out += md::heading(level + 1, escape(l.tr("report.by-channel"))) +
         group_table(v.by_channel, "channel", l.tr("report.channel"), l);
  std::vector<std::pair<std::string, double>> slices;
  for (const auto& g : v.by_channel)
    slices.emplace_back(l.get("channel", g.key), static_cast<double>(g.metrics.size()));
  out += md::pie(l.tr("report.by-channel"), slices) + "\n";
  out += md::heading(level + 1, escape(l.tr("report.by-category"))) +
         group_table(v.by_category, "category", l.tr("report.category"), l);
  out += md::heading(level + 1, escape(l.tr("report.by-disposal"))) +
         group_table(v.by_disposal, "disposal", l.tr("report.disposal"), l);
  out += md::heading(level + 1, escape(l.tr("report.by-layer"))) +
         group_table(v.by_layer, "layer", l.tr("report.layer"), l);
  if (d.scope.kind != report::ScopeKind::Branch) {
    out += md::heading(level + 1, escape(l.tr("report.own-needs")));
    if (v.own_layer.empty()) {
      out += escape(l.tr("report.no-needs")) + "\n\n";
    } else {
      md::Table own{{escape(l.tr("report.need")), escape(l.tr("report.branch")), escape(l.tr("report.received")),
                     escape(l.tr("report.status")), escape(l.tr("report.due")), escape(l.tr("report.summary-text"))},
                    {},
                    {}};
      for (const auto* r : v.own_layer)
        own.rows.push_back(
            {md::code(r->facts.need->id.v), md::code(r->facts.need->branch.v), received(r->facts, l),
             escape(l.get("status", ledger::status_name(r->facts.status))) + (r->facts.overdue ? " ⚠" : ""),
             r->facts.due.str(), escape(r->facts.need->summary.v)});
      out += md::table(own) + "\n";
    }
  }
  out += md::heading(level + 1, escape(l.tr("report.oldest-overdue")));
  if (v.oldest_overdue.empty()) return out + escape(l.tr("report.none-overdue")) + "\n\n";
  md::Table t{{escape(l.tr("report.need")), escape(l.tr("report.branch")), escape(l.tr("report.received")),
               escape(l.tr("report.due")), escape(l.tr("report.days-overdue")), escape(l.tr("report.summary-text"))},
              {},
              {4}};
  for (const auto* r : v.oldest_overdue)
    t.rows.push_back({md::code(r->facts.need->id.v), md::code(r->facts.need->branch.v), received(r->facts, l),
                      r->facts.due.str(), std::to_string(d.result->as_of - r->facts.due),
                      escape(r->facts.need->summary.v)});
  return out + md::table(t) + "\n";
}

std::string platforms(const report::Data& d, const Labels& l, int level) {
  std::string out = md::heading(level, escape(l.tr("report.platforms")));
  if (d.platforms.empty()) return out + escape(l.tr("report.no-platforms")) + "\n\n";
  md::Table t{{escape(l.tr("report.platform")), escape(l.tr("report.owner")), escape(l.tr("report.level")),
               escape(l.tr("report.category")), escape(l.tr("report.cadence")), escape(l.tr("report.held")),
               escape(l.tr("report.expected")), escape(l.tr("report.adherence"))},
              {},
              {5, 6, 7}};
  for (const auto& a : d.platforms) {
    const auto& p = *a.platform;
    t.rows.push_back({escape(p.name.v) + " " + md::code(p.id.v), md::code(p.owner.v), escape(l.get("level", p.level.v)),
                      escape(l.get("platform_category", p.category.v)), escape(l.get("cadence", p.cadence.v)),
                      a.value ? std::to_string(a.held) : "—", a.value ? fmt::format("{:.1f}", a.expected) : "—",
                      a.value ? pct(a.value) : escape(l.tr("report.window-empty"))});
  }
  return out + md::table(t) + "\n";
}

std::string secretaries(const report::Data& d, const Labels& l, int level) {
  std::string out = md::heading(level, escape(l.tr("report.secretaries")));
  md::Table t{{escape(l.tr("report.branch")), escape(l.tr("report.secretary")), escape(l.tr("report.certified")),
               escape(l.tr("report.competency-gaps")), escape(l.tr("report.reserve-cadres"))},
              {},
              {4}};
  for (const auto& row : d.secretaries) {
    const auto& b = *row.branch;
    std::string gaps;
    for (const auto& [ability, rating] : row.gaps)
      gaps += (gaps.empty() ? "" : ", ") + escape(l.get("ability", ability)) + " " + std::to_string(rating);
    if (gaps.empty()) gaps = escape(row.rated ? l.tr("report.none") : l.tr("report.not-rated"));
    const bool certified = b.secretary && b.secretary->certified && *b.secretary->certified;
    t.rows.push_back({md::code(b.id.v), escape(b.secretary ? b.secretary->name.v : ""),
                      escape(certified ? l.tr("report.yes") : l.tr("report.no")), gaps,
                      std::to_string(b.reserve_cadres ? *b.reserve_cadres : 0)});
  }
  return out + md::table(t) + "\n";
}

std::string awards(const report::Data& d, const Labels& l, int level) {
  std::string out = md::heading(level, escape(l.tr("report.awards")));
  if (d.awards.empty()) return out + escape(l.tr("report.no-awards")) + "\n\n";
  md::Table t{{escape(l.tr("report.branch")), escape(l.tr("report.award-kind")), escape(l.tr("report.title")),
               escape(l.tr("report.approved"))},
              {},
              {}};
  for (const auto& a : d.awards)
    t.rows.push_back({md::code(a.branch->id.v), escape(l.get("award", a.award->kind.v)), escape(a.award->title.v),
                      escape(a.award->approved && *a.award->approved ? l.tr("report.yes") : l.tr("report.no"))});
  return out + md::table(t) + "\n";
}

}  // namespace svcorg::render::rpt
