// The detail sections of the district and street reports, after what needs attention and
// the rankings (report_sections.cpp): the ledger of needs, platform adherence, the
// secretaries and the awards.
#include <fmt/format.h>

#include <algorithm>

#include "svcorg/render/report_common.hpp"

namespace svcorg::render::rpt {

using doc::Runs;

namespace {

void group_table(doc::Document& out, const std::vector<report::Group>& groups, const std::string& label_group,
                 const std::string& heading, const Labels& l, const ReportOptions& o) {
  doc::Table t;
  t.header =
      headings(l, {"report.received-in-year", "report.carried-over", "report.needs-resolved", "report.needs-open",
                   "report.needs-overdue", "report.resolution-rate", "report.on-time-resolution-rate"});
  t.header.insert(t.header.begin(), T(heading));
  t.right = {1, 2, 3, 4, 5, 6, 7};
  const size_t n = capped(groups.size(), o) ? kCap : groups.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& g = groups[i];
    t.rows.push_back({T(l.get(label_group, g.key)), V(std::to_string(g.metrics.received)),
                      V(std::to_string(g.metrics.carried_over)), V(std::to_string(g.metrics.resolved)),
                      V(std::to_string(g.metrics.open)), V(std::to_string(g.metrics.overdue)),
                      V(pct(g.metrics.resolution_rate)), V(pct(g.metrics.on_time_resolution_rate))});
  }
  if (n < groups.size()) {
    std::vector<Runs> rest;
    for (size_t i = n; i < groups.size(); ++i)
      rest.push_back(T(l.tr("report.group-count",
                            {{"group", l.get(label_group, groups[i].key)}, {"count", groups[i].metrics.size()}})));
    t.more = doc::say(l, "report.and-more-named",
                      {{"count", V(std::to_string(groups.size() - n))}, {"items", doc::join(rest, l)}});
  }
  out << t;
}

// The carried-over count, with the years they were received in: "3 (1 from 2024, 2 from 2025)".
Runs carried_over(const ledger::Metrics& m, const Labels& l) {
  if (m.carried_over_by_year.empty()) return V(std::to_string(m.carried_over));
  std::string years;
  for (const auto& [year, n] : m.carried_over_by_year)
    years += (years.empty() ? "" : l.tr("report.list-separator")) +
             l.tr("report.carried-over-from", {{"count", n}, {"year", year}});
  return T(l.tr("report.carried-over-years", {{"count", m.carried_over}, {"years", years}}));
}

void ledger_summary(doc::Document& out, const ledger::Metrics& m, const Labels& l) {
  doc::Table t{{T(l.tr("report.summary")), T(l.tr("report.figure"))}, {}, {1}, {1}, {}};
  auto add = [&](const char* id, Runs v) { t.rows.push_back({T(l.tr(id)), std::move(v)}); };
  add("report.needs-received-all", V(std::to_string(m.received)));
  add("report.needs-carried-over", carried_over(m, l));
  add("report.needs-resolved", V(std::to_string(m.resolved)));
  add("report.needs-declined", V(std::to_string(m.declined)));
  add("report.needs-open", V(std::to_string(m.open)));
  add("report.needs-overdue", V(std::to_string(m.overdue)));
  add("report.resolution-rate", V(pct(m.resolution_rate)));
  add("report.on-time-resolution-rate", V(pct(m.on_time_resolution_rate)));
  add("report.response-on-time-rate", V(pct(m.response_on_time_rate)));
  add("report.feedback-satisfied-rate", V(pct(m.feedback_satisfied_rate)));
  add("report.reopen-rate", V(pct(m.reopen_rate)));
  add("report.response-days-median-p90", V(days(m.response_days_median) + " / " + days(m.response_days_p90)));
  add("report.resolution-days-median-p90", V(days(m.resolution_days_median) + " / " + days(m.resolution_days_p90)));
  out << t;
  doc::Table b{{T(l.tr("report.backlog")), T(l.tr("report.count"))}, {}, {1}, {}, {}};
  const char* buckets[] = {"0-7", "8-30", "31-90", "> 90"};
  for (size_t i = 0; i < 4; ++i)
    b.rows.push_back({T(l.tr("report.days-range", {{"range", buckets[i]}})), V(std::to_string(m.backlog[i]))});
  out << b;
}

}  // namespace

void ledger(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  const auto& v = d.ledger;
  out << doc::Heading{level, T(l.tr("report.ledger"))};
  if (v.listing.rows.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-needs"))};
    return;
  }
  ledger_summary(out, v.listing.summary, l);
  out << doc::Heading{level + 1, T(l.tr("report.by-channel"))};
  group_table(out, v.by_channel, "channel", l.tr("report.channel"), l, o);
  doc::PieChart pie;
  pie.title = l.tr("report.by-channel");
  pie.value_label = l.tr("report.count");
  pie.parts = {l.tr("report.received-in-year"), l.tr("report.carried-over")};
  for (const auto& g : v.by_channel) {
    pie.slices.emplace_back(l.get("channel", g.key), static_cast<double>(g.metrics.size()));
    pie.part_values.push_back({static_cast<double>(g.metrics.received), static_cast<double>(g.metrics.carried_over)});
  }
  out << pie;
  out << doc::Heading{level + 1, T(l.tr("report.by-category"))};
  group_table(out, v.by_category, "category", l.tr("report.category"), l, o);
  out << doc::Heading{level + 1, T(l.tr("report.by-disposal"))};
  group_table(out, v.by_disposal, "disposal", l.tr("report.disposal"), l, o);
  out << doc::Heading{level + 1, T(l.tr("report.by-layer"))};
  group_table(out, v.by_layer, "layer", l.tr("report.layer"), l, o);
  if (d.scope.kind != report::ScopeKind::Branch) {
    out << doc::Heading{level + 1, T(l.tr("report.own-needs"))};
    if (v.own_layer.empty()) {
      out << doc::Paragraph{T(l.tr("report.no-needs"))};
    } else {
      doc::Table own;
      own.header = headings(
          l, {"report.branch", "report.summary-text", "report.status", "report.received", "report.due", "report.need"});
      own.nowrap = {2, 3, 4, 5};
      const size_t n = capped(v.own_layer.size(), o) ? kCap : v.own_layer.size();
      for (size_t i = 0; i < n; ++i) {
        const auto* r = v.own_layer[i];
        Runs status = T(l.get("status", ledger::status_name(r->facts.status)));
        if (r->facts.overdue) status.push_back(doc::verbatim(" ⚠"));
        own.rows.push_back({name(d, r->facts.need->branch.v), T(r->facts.need->summary.v), status,
                            received(r->facts, l), V(r->facts.due.str()), C(r->facts.need->id.v)});
      }
      own.more = more(n, v.own_layer.size(), l);
      out << own;
    }
  }
  out << doc::Heading{level + 1, T(l.tr("report.oldest-overdue"))};
  if (v.oldest_overdue.empty()) {
    out << doc::Paragraph{T(l.tr("report.none-overdue"))};
    return;
  }
  doc::Table t;
  t.header = headings(l, {"report.branch", "report.summary-text", "report.days-overdue", "report.received",
                          "report.due", "report.need"});
  t.right = {2};
  t.nowrap = {3, 4, 5};
  for (const auto* r : v.oldest_overdue)
    t.rows.push_back({name(d, r->facts.need->branch.v), T(r->facts.need->summary.v),
                      V(std::to_string(d.result->as_of - r->facts.due)), received(r->facts, l), V(r->facts.due.str()),
                      C(r->facts.need->id.v)});
  out << t;
}

void platforms(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  out << doc::Heading{level, T(l.tr("report.platforms"))};
  if (d.platforms.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-platforms"))};
    return;
  }
  // Lowest adherence first: those behind schedule head the table.
  const auto& list = d.platforms_by_adherence;
  doc::Table t;
  t.header = headings(l, {"report.platform", "report.owner", "report.level", "report.category", "report.cadence",
                          "report.held", "report.expected", "report.adherence"});
  t.right = {5, 6, 7};
  t.nowrap = {2, 3, 4};
  const size_t n = capped(list.size(), o) ? kCap : list.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& a = *list[i];
    const auto& p = *a.platform;
    t.rows.push_back({T(p.name.v), name(d, p.owner.v), T(l.get("level", p.level.v)),
                      T(l.get("platform_category", p.category.v)), T(l.get("cadence", p.cadence.v)),
                      V(a.value ? std::to_string(a.held) : "—"), V(a.value ? fmt::format("{:.1f}", a.expected) : "—"),
                      a.value ? V(pct(a.value)) : T(l.tr("report.window-empty"))});
  }
  if (n < list.size()) {
    const bool all_full = std::all_of(list.begin() + static_cast<std::ptrdiff_t>(n), list.end(),
                                      [](const score::Adherence* a) { return a->value && *a->value >= 1.0; });
    t.more = all_full ? doc::say(l, "report.and-more-on-schedule",
                                 {{"count", V(std::to_string(list.size() - n))}, {"option", C("--detail")}})
                      : more(n, list.size(), l);
  }
  out << t;
}

void secretaries(doc::Document& out, const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  out << doc::Heading{level, T(l.tr("report.secretaries"))};
  doc::Table t;
  t.header = headings(
      l, {"report.branch", "report.secretary", "report.certified", "report.competency-gaps", "report.reserve-cadres"});
  t.right = {4};
  t.nowrap = {2};
  size_t fine = 0;
  for (const auto& row : d.secretaries) {
    const auto& b = *row.branch;
    std::vector<Runs> gaps;
    for (const auto& [ability, rating] : row.gaps)
      gaps.push_back(T(l.tr("report.ability-rating", {{"ability", l.get("ability", ability)}, {"rating", rating}})));
    // Without --detail, a district or street shows only the secretaries with something
    // to act on; the others are counted in a sentence.
    if (!o.detail && d.scope.kind != report::ScopeKind::Branch && !row.needs_action()) {
      ++fine;
      continue;
    }
    t.rows.push_back({T(b.name.v), T(b.secretary ? b.secretary->name.v : ""),
                      T(row.certified ? l.tr("report.yes") : l.tr("report.no")),
                      gaps.empty() ? T(row.rated ? l.tr("report.none") : l.tr("report.not-rated")) : doc::join(gaps, l),
                      V(std::to_string(row.reserve_cadres))});
  }
  if (t.rows.size() == 1 && d.scope.kind == report::ScopeKind::Branch) {
    const auto& r = t.rows.front();
    out << doc::Paragraph{doc::say(l, "report.secretary.one",
                                   {{"secretary", r[1]}, {"certified", r[2]}, {"gaps", r[3]}, {"reserve", r[4]}})};
  } else if (!t.rows.empty()) {
    out << t;
  }
  if (fine > 0)
    out << doc::Paragraph{
        doc::say(l, "report.secretaries.fine", {{"count", V(std::to_string(fine))}, {"option", C("--detail")}})};
}

void awards(doc::Document& out, const report::Data& d, const Labels& l, int level) {
  out << doc::Heading{level, T(l.tr("report.awards"))};
  if (d.awards.empty()) {
    out << doc::Paragraph{T(l.tr("report.no-awards"))};
    return;
  }
  doc::Table t;
  t.header = headings(l, {"report.branch", "report.award-kind", "report.title", "report.approved"});
  t.nowrap = {1, 3};
  for (const auto& a : d.awards)
    t.rows.push_back({T(a.branch->name.v), T(l.get("award", a.award->kind.v)), T(a.award->title.v),
                      T(a.award->approved && *a.award->approved ? l.tr("report.yes") : l.tr("report.no"))});
  out << t;
}

}  // namespace svcorg::render::rpt
