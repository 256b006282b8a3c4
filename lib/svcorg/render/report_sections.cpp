// Sections of the district and street reports: what needs attention first, then the
// rankings, then the detail.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "svcorg/render/report_common.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render::rpt {

using md::escape;

std::string pct(const std::optional<double>& r) {
  return r ? fmt::format("{:.1f}%", score::round_to(*r * 100.0, 1)) : std::string("—");
}
std::string num2(double v) { return fmt::format("{:.2f}", score::round_to(v, 2)); }
std::string num2(const std::optional<double>& v) { return v ? num2(*v) : std::string("—"); }
std::string signed2(double v) {
  const double r = score::round_to(v, 2);
  if (r == 0) return "±0.00";
  return (r > 0 ? "+" : "−") + num2(std::abs(r));
}
std::string days(const std::optional<int32_t>& d) { return d ? std::to_string(*d) : std::string("—"); }
std::string received(const ledger::NeedFacts& f, const Labels& l) {
  if (!f.carried_over) return f.received.str();
  return md::escape(l.tr("report.received-carried-over", {{"date", f.received.str()}}));
}

std::string say(const Labels& l, const char* id, const std::vector<std::pair<std::string, std::string>>& md_args) {
  // Each argument goes in as a private-use character (U+E000 + i), which escape() keeps,
  // and comes back as its Markdown after the words are escaped.
  auto mark = [](size_t i) {
    const auto c = static_cast<unsigned>(0xE000 + i);
    return std::string{static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))};
  };
  std::vector<std::pair<std::string, i18n::Arg>> args;
  for (size_t i = 0; i < md_args.size(); ++i) args.emplace_back(md_args[i].first, mark(i));
  std::string out = escape(l.tr(id, std::move(args)));
  for (size_t i = 0; i < md_args.size(); ++i) {
    const std::string m = mark(i);
    for (size_t at = out.find(m); at != std::string::npos; at = out.find(m, at + md_args[i].second.size()))
      out.replace(at, m.size(), md_args[i].second);
  }
  return out;
}

std::string join(const std::vector<std::string>& items, const Labels& l) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : l.tr("report.list-separator")) + item;
  return out;
}

std::string name(const report::Data& d, const std::string& id) { return escape(d.name_of(id)); }

std::string more(size_t shown, size_t total, const Labels& l) {
  if (shown >= total) return "";
  return say(l, "report.and-more", {{"count", std::to_string(total - shown)}, {"option", md::code("--detail")}});
}

bool capped(size_t total, const ReportOptions& o) { return !o.detail && total > kCap; }

std::string type_short(const std::string& type, const Labels& l) {
  static const std::map<std::string, const char*> ids = {{"residential", "report.type-short.residential"},
                                                         {"social-service", "report.type-short.social-service"},
                                                         {"building", "report.type-short.building"},
                                                         {"enterprise", "report.type-short.enterprise"},
                                                         {"organ", "report.type-short.organ"}};
  auto it = ids.find(type);
  return it == ids.end() ? l.get("type", type) : l.tr(it->second);
}

std::string header(const report::Data& d, const Labels& l, const std::string& title) {
  std::string out = md::heading(
      1, d.name.empty() ? escape(title) : escape(l.tr("report.heading", {{"title", title}, {"name", d.name}})));
  out += escape(l.tr("report.year-as-of",
                     {{"year", d.result->year}, {"date", i18n::date(d.result->as_of.str())}})) +
         "\n\n";
  if (d.all_provisional) out += "> " + escape(l.tr("report.all-provisional-note")) + "\n\n";
  else if (d.any_provisional) out += "> " + escape(l.tr("report.provisional-note")) + "\n\n";
  return out;
}

namespace {

std::string grade_cell(const score::BranchScore& s, const Labels& l) { return escape(l.get("grade", s.grade)); }

// A total, marked `\*` when provisional unless every total of the report is (the note says so).
std::string total_cell(const report::Data& d, const score::BranchScore& s) {
  return num2(s.total) + (s.provisional && !d.all_provisional ? "\\*" : "");
}

// "20/24": a rank of how many.
std::string of(int rank, size_t n) { return fmt::format("{}/{}", rank, n); }

// `**label**: items` or, for a list, `**label**` and one item a line.
std::string labelled(const std::string& label, const std::vector<std::string>& items, const Labels& l) {
  return say(l, "report.labelled", {{"label", "**" + escape(label) + "**"},
                                     {"items", items.empty() ? escape(l.tr("report.none")) : join(items, l)}}) +
         "\n\n";
}

}  // namespace

std::string attention(const report::Data& d, const Labels& l) {
  const auto& a = d.attention;
  std::string out = md::heading(2, escape(l.tr("report.attention")));
  // Overdue needs: every one, most overdue first (the ledger's oldest-overdue table has the dates).
  out += "**" + escape(l.tr("report.attention.overdue", {{"count", a.overdue.size()}})) + "**\n\n";
  if (a.overdue.empty()) out += escape(l.tr("report.none-overdue")) + "\n\n";
  for (const auto& o : a.overdue) {
    const auto& f = o.row->facts;
    std::vector<std::pair<std::string, std::string>> args = {{"branch", escape(o.branch_name)},
                                                             {"summary", escape(f.need->summary.v)},
                                                             {"days", "**" + std::to_string(o.days_overdue) + "**"},
                                                             {"id", md::code(f.need->id.v)}};
    if (f.carried_over) {
      args.emplace_back("year", std::to_string(f.received.year()));
      out += "- " + say(l, "report.attention.overdue-carried", args) + "\n";
    } else {
      out += "- " + say(l, "report.attention.overdue-need", args) + "\n";
    }
  }
  if (!a.overdue.empty()) out += "\n";
  out += "**" + escape(l.tr("report.attention.behind")) + "**\n\n";
  if (a.behind.empty()) out += escape(l.tr("report.attention.none-behind")) + "\n\n";
  for (const auto& p : a.behind)
    out += "- " +
           say(l, "report.attention.behind-platform",
               {{"platform", escape(p.platform->name.v)},
                {"owner", name(d, p.platform->owner.v)},
                {"held", std::to_string(p.held)},
                {"expected", fmt::format("{:.1f}", p.expected)},
                {"adherence", pct(p.value)}}) +
           "\n";
  if (!a.behind.empty()) out += "\n";
  auto names = [&](const std::vector<const model::Branch*>& bs) {
    std::vector<std::string> list;
    for (const auto* b : bs) list.push_back(escape(b->name.v));
    return list;
  };
  out += labelled(l.tr("report.attention.uncertified"), names(a.uncertified), l);
  out += labelled(l.tr("report.attention.no-reserve"), names(a.no_reserve), l);
  std::vector<std::string> weak;
  for (const auto* s : a.weak)
    weak.push_back(say(l, "report.attention.weak-branch",
                       {{"branch", escape(s->branch->name.v)}, {"total", total_cell(d, *s)}, {"grade", grade_cell(*s, l)}}));
  out += labelled(l.tr("report.attention.weak",
                       {{"fair", l.get("grade", "fair")}, {"poor", l.get("grade", "poor")}}),
                  weak, l);
  if (!d.unscored.empty()) {
    std::vector<std::string> items;
    for (const auto* u : d.unscored)
      items.push_back(say(l, "report.attention.unscored",
                          {{"branch", name(d, u->id)}, {"reason", escape(unscored_reason(l.lang(), u->reason))}}));
    out += labelled(l.tr("report.not-scored"), items, l);
  }
  std::vector<std::string> grades;
  for (const auto& [grade, n] : a.grades)
    grades.push_back(escape(l.tr("report.grade-count", {{"grade", l.get("grade", grade)}, {"count", n}})));
  out += labelled(l.tr("report.attention.grades"), grades, l);
  if (d.previous && d.previous->mean_total && d.mean_total)
    out += labelled(l.tr("report.attention.change", {{"year", d.previous->year}}),
                    {say(l, "report.attention.change-mean",
                         {{"before", num2(d.previous->mean_total)},
                          {"now", num2(d.mean_total)},
                          {"delta", signed2(*d.mean_total - *d.previous->mean_total)}})},
                    l);
  return out;
}

std::string summary(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.summary")));
  std::vector<std::string> types;
  for (const auto& [type, n] : d.own->by_type)
    types.push_back(escape(l.tr("report.type-count", {{"type", l.get("type", type)}, {"count", n}})));
  out += say(l, "report.summary.branches",
             {{"branches", std::to_string(d.branches.size())},
              {"types", join(types, l)},
              {"scored", std::to_string(d.scores.size())},
              {"mean", num2(d.mean_total)}}) +
         "\n\n";
  const auto& m = d.ledger.listing.summary;
  out += say(l, "report.summary.needs",
             {{"received", std::to_string(m.received)},
              {"declined", std::to_string(m.declined)},
              {"carried", std::to_string(m.carried_over)},
              {"resolved", std::to_string(m.resolved)},
              {"open", std::to_string(m.open)},
              {"overdue", std::to_string(m.overdue)},
              {"resolution", pct(m.resolution_rate)},
              {"on_time", pct(m.on_time_resolution_rate)},
              {"response", pct(m.response_on_time_rate)}}) +
         "\n\n";
  return out;
}

std::string ranking(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.ranking")));
  const bool change = d.previous.has_value();
  for (const auto& tm : d.type_means) {
    std::vector<const score::BranchScore*> rows;
    for (const auto* s : d.scores)
      if (s->branch->type.v == tm.type) rows.push_back(s);
    if (rows.empty()) continue;
    out += md::heading(3, escape(l.get("type", tm.type)));
    auto delta = [&](const score::BranchScore& s) -> std::string {
      auto it = d.previous->branch_totals.find(s.branch->id.v);
      return it == d.previous->branch_totals.end() ? "—" : signed2(s.total - it->second);
    };
    if (rows.size() == 1) {
      // One branch of the type: a sentence, not a one-row table.
      const auto& s = *rows.front();
      const std::string branch =
          d.scope.kind == report::ScopeKind::Street
              ? escape(s.branch->name.v)
              : say(l, "report.branch-in-street",
                    {{"branch", escape(s.branch->name.v)}, {"street", name(d, s.branch->street.v)}});
      const bool moved = change && d.previous->branch_totals.count(s.branch->id.v);
      std::vector<std::pair<std::string, std::string>> args = {
          {"branch", branch},
          {"total", total_cell(d, s)},
          {"grade", grade_cell(s, l)},
          {"rank_in_type", of(s.rank_in_type, tm.scored)},
          {"rank_in_district", of(s.rank_in_district, d.scored_in_district)}};
      if (moved) {
        args.emplace_back("year", std::to_string(d.previous->year));
        args.emplace_back("delta", delta(s));
      }
      out += say(l, moved ? "report.ranking.single-change" : "report.ranking.single", args) + "\n\n";
      continue;
    }
    md::Table t{{escape(l.tr("report.rank-in-type")), escape(l.tr("report.branch")), escape(l.tr("report.street")),
                 escape(l.tr("report.total")), escape(l.tr("report.grade")), escape(l.tr("report.rank-in-district"))},
                {},
                {0, 3, 5}};
    if (change) {
      t.header.push_back(escape(l.tr("report.change-from", {{"year", d.previous->year}})));
      t.right.push_back(6);
    }
    for (const auto* s : rows) {
      t.rows.push_back({of(s->rank_in_type, tm.scored), escape(s->branch->name.v), name(d, s->branch->street.v),
                        total_cell(d, *s), grade_cell(*s, l), of(s->rank_in_district, d.scored_in_district)});
      if (change) t.rows.back().push_back(delta(*s));
    }
    // A street's report needs no street column: every branch is the street's.
    if (d.scope.kind == report::ScopeKind::Street) {
      for (auto* r : {&t.header}) r->erase(r->begin() + 2);
      for (auto& r : t.rows) r.erase(r.begin() + 2);
      t.right = {0, 2, 4};
      if (change) t.right.push_back(5);
    }
    out += md::table(t) + "\n";
  }
  return out;
}

std::string streets(const report::Data& d, const Labels& l) {
  std::string out = md::heading(2, escape(l.tr("report.streets")));
  const bool district = d.scope.kind == report::ScopeKind::District;
  if (!district && d.own) {
    const auto& r = *d.own;
    out += say(l, "report.streets.one",
               {{"branches", std::to_string(r.branches)},
                {"scored", std::to_string(r.scored)},
                {"mean", num2(r.mean_total)},
                {"own", std::to_string(r.needs.received)},
                {"carried", std::to_string(r.needs.carried_over)},
                {"resolution", pct(r.needs.resolution_rate)},
                {"on_time", pct(r.needs.on_time_resolution_rate)},
                {"adherence", pct(r.platform_adherence)}}) +
           "\n\n";
  } else {
    md::Table t{{escape(l.tr("report.street")), escape(l.tr("report.branches")), escape(l.tr("report.scored")),
                 escape(l.tr("report.mean-total")), escape(l.tr("report.own-needs")),
                 escape(l.tr("report.carried-over")), escape(l.tr("report.resolution-rate")),
                 escape(l.tr("report.on-time-resolution-rate")), escape(l.tr("report.platform-adherence"))},
                {},
                {1, 2, 3, 4, 5, 6, 7, 8}};
    // The change of the mean total from the previous year, when it was scored.
    const bool change = d.previous.has_value();
    if (change) {
      t.header.insert(t.header.begin() + 4, escape(l.tr("report.change-from", {{"year", d.previous->year}})));
      t.right.push_back(9);
    }
    auto row = [&](const score::Rollup& r, const std::string& label, const std::optional<double>& before) {
      t.rows.push_back({label, std::to_string(r.branches), std::to_string(r.scored), num2(r.mean_total),
                        std::to_string(r.needs.received), std::to_string(r.needs.carried_over),
                        pct(r.needs.resolution_rate), pct(r.needs.on_time_resolution_rate),
                        pct(r.platform_adherence)});
      if (change)
        t.rows.back().insert(t.rows.back().begin() + 4,
                             before && r.mean_total ? signed2(score::round_to(*r.mean_total, 2) - *before) : "—");
    };
    std::vector<std::pair<std::string, double>> bars;
    for (const auto* st : d.streets) {
      std::optional<double> before;
      if (change && d.previous->street_means.count(st->id)) before = d.previous->street_means.at(st->id);
      row(*st, name(d, st->id), before);
      if (st->mean_total) bars.emplace_back(d.name_of(st->id), score::round_to(*st->mean_total, 2));
    }
    row(*d.own, "**" + escape(l.tr("report.district-own")) + "**",
        change ? d.previous->mean_total : std::optional<double>());
    out += md::table(t) + "\n";
    if (!bars.empty()) {
      const auto axis = md::value_axis(bars, 100);
      out += md::bar_chart(l.tr("report.mean-total-by-street"), l.tr("report.mean-total"), bars, axis) + "\n";
      out += escape(l.tr("report.axis-note", {{"from", fmt::format("{}", axis.first)},
                                              {"to", fmt::format("{}", axis.second)}})) +
             "\n\n";
    }
  }
  std::vector<std::pair<std::string, double>> by_type;
  for (const auto& [type, mean] : d.mean_by_type) by_type.emplace_back(type_short(type, l), mean);
  if (by_type.size() > 1) {
    const auto axis = md::value_axis(by_type, 100);
    out += md::bar_chart(l.tr("report.mean-total-by-type"), l.tr("report.mean-total"), by_type, axis) + "\n";
    out += escape(l.tr("report.axis-note",
                       {{"from", fmt::format("{}", axis.first)}, {"to", fmt::format("{}", axis.second)}})) +
           "\n\n";
  }
  return out;
}

namespace {

std::string group_table(const std::vector<report::Group>& groups, const std::string& label_group,
                        const std::string& heading, const Labels& l, const ReportOptions& o) {
  md::Table t{
      {escape(heading), escape(l.tr("report.received-in-year")), escape(l.tr("report.carried-over")),
       escape(l.tr("report.needs-resolved")), escape(l.tr("report.needs-open")), escape(l.tr("report.needs-overdue")),
       escape(l.tr("report.resolution-rate")), escape(l.tr("report.on-time-resolution-rate"))},
      {},
      {1, 2, 3, 4, 5, 6, 7}};
  const size_t n = capped(groups.size(), o) ? kCap : groups.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& g = groups[i];
    t.rows.push_back({escape(l.get(label_group, g.key)), std::to_string(g.metrics.received),
                      std::to_string(g.metrics.carried_over), std::to_string(g.metrics.resolved),
                      std::to_string(g.metrics.open), std::to_string(g.metrics.overdue), pct(g.metrics.resolution_rate),
                      pct(g.metrics.on_time_resolution_rate)});
  }
  std::string out = md::table(t) + "\n";
  if (n < groups.size()) {
    std::vector<std::string> rest;
    for (size_t i = n; i < groups.size(); ++i)
      rest.push_back(escape(l.tr("report.group-count", {{"group", l.get(label_group, groups[i].key)},
                                                        {"count", groups[i].metrics.size()}})));
    out += say(l, "report.and-more-named", {{"count", std::to_string(groups.size() - n)}, {"items", join(rest, l)}}) +
           "\n\n";
  }
  return out;
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
  add("report.needs-received-all", std::to_string(m.received));
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
  t.rows.push_back({escape(l.tr("report.response-days-median-p90")),
                    days(m.response_days_median) + " / " + days(m.response_days_p90)});
  t.rows.push_back({escape(l.tr("report.resolution-days-median-p90")),
                    days(m.resolution_days_median) + " / " + days(m.resolution_days_p90)});
  std::string out = md::table(t) + "\n";
  md::Table b{{escape(l.tr("report.backlog")), escape(l.tr("report.count"))}, {}, {1}};
  const char* buckets[] = {"0-7", "8-30", "31-90", "> 90"};
  for (size_t i = 0; i < 4; ++i)
    b.rows.push_back({escape(l.tr("report.days-range", {{"range", buckets[i]}})), std::to_string(m.backlog[i])});
  return out + md::table(b) + "\n";
}

}  // namespace

std::string ledger(const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  const auto& v = d.ledger;
  std::string out = md::heading(level, escape(l.tr("report.ledger")));
  if (v.listing.rows.empty()) return out + escape(l.tr("report.no-needs")) + "\n\n";
  out += ledger_summary(v.listing.summary, l);
  out += md::heading(level + 1, escape(l.tr("report.by-channel"))) +
         group_table(v.by_channel, "channel", l.tr("report.channel"), l, o);
  std::vector<std::pair<std::string, double>> slices;
  for (const auto& g : v.by_channel)
    slices.emplace_back(l.get("channel", g.key), static_cast<double>(g.metrics.size()));
  out += md::pie(l.tr("report.by-channel"), slices) + "\n";
  out += md::heading(level + 1, escape(l.tr("report.by-category"))) +
         group_table(v.by_category, "category", l.tr("report.category"), l, o);
  out += md::heading(level + 1, escape(l.tr("report.by-disposal"))) +
         group_table(v.by_disposal, "disposal", l.tr("report.disposal"), l, o);
  out += md::heading(level + 1, escape(l.tr("report.by-layer"))) +
         group_table(v.by_layer, "layer", l.tr("report.layer"), l, o);
  if (d.scope.kind != report::ScopeKind::Branch) {
    out += md::heading(level + 1, escape(l.tr("report.own-needs")));
    if (v.own_layer.empty()) {
      out += escape(l.tr("report.no-needs")) + "\n\n";
    } else {
      md::Table own{{escape(l.tr("report.branch")), escape(l.tr("report.summary-text")), escape(l.tr("report.status")),
                     escape(l.tr("report.received")), escape(l.tr("report.due")), escape(l.tr("report.need"))},
                    {},
                    {}};
      const size_t n = capped(v.own_layer.size(), o) ? kCap : v.own_layer.size();
      for (size_t i = 0; i < n; ++i) {
        const auto* r = v.own_layer[i];
        own.rows.push_back(
            {name(d, r->facts.need->branch.v), escape(r->facts.need->summary.v),
             escape(l.get("status", ledger::status_name(r->facts.status))) + (r->facts.overdue ? " ⚠" : ""),
             received(r->facts, l), r->facts.due.str(), md::code(r->facts.need->id.v)});
      }
      out += md::table(own) + "\n";
      if (n < v.own_layer.size()) out += more(n, v.own_layer.size(), l) + "\n\n";
    }
  }
  out += md::heading(level + 1, escape(l.tr("report.oldest-overdue")));
  if (v.oldest_overdue.empty()) return out + escape(l.tr("report.none-overdue")) + "\n\n";
  md::Table t{{escape(l.tr("report.branch")), escape(l.tr("report.summary-text")), escape(l.tr("report.days-overdue")),
               escape(l.tr("report.received")), escape(l.tr("report.due")), escape(l.tr("report.need"))},
              {},
              {2}};
  for (const auto* r : v.oldest_overdue)
    t.rows.push_back({name(d, r->facts.need->branch.v), escape(r->facts.need->summary.v),
                      std::to_string(d.result->as_of - r->facts.due), received(r->facts, l), r->facts.due.str(),
                      md::code(r->facts.need->id.v)});
  return out + md::table(t) + "\n";
}

std::string platforms(const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  std::string out = md::heading(level, escape(l.tr("report.platforms")));
  if (d.platforms.empty()) return out + escape(l.tr("report.no-platforms")) + "\n\n";
  // Lowest adherence first: those behind schedule head the table.
  const auto& list = d.platforms_by_adherence;
  md::Table t{{escape(l.tr("report.platform")), escape(l.tr("report.owner")), escape(l.tr("report.level")),
               escape(l.tr("report.category")), escape(l.tr("report.cadence")), escape(l.tr("report.held")),
               escape(l.tr("report.expected")), escape(l.tr("report.adherence"))},
              {},
              {5, 6, 7}};
  const size_t n = capped(list.size(), o) ? kCap : list.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& a = *list[i];
    const auto& p = *a.platform;
    t.rows.push_back({escape(p.name.v), name(d, p.owner.v), escape(l.get("level", p.level.v)),
                      escape(l.get("platform_category", p.category.v)), escape(l.get("cadence", p.cadence.v)),
                      a.value ? std::to_string(a.held) : "—", a.value ? fmt::format("{:.1f}", a.expected) : "—",
                      a.value ? pct(a.value) : escape(l.tr("report.window-empty"))});
  }
  out += md::table(t) + "\n";
  if (n < list.size()) {
    const bool all_full = std::all_of(list.begin() + static_cast<std::ptrdiff_t>(n), list.end(),
                                      [](const score::Adherence* a) { return a->value && *a->value >= 1.0; });
    out += (all_full ? say(l, "report.and-more-on-schedule",
                          {{"count", std::to_string(list.size() - n)}, {"option", md::code("--detail")}})
                     : more(n, list.size(), l)) +
           "\n\n";
  }
  return out;
}

std::string secretaries(const report::Data& d, const Labels& l, int level, const ReportOptions& o) {
  std::string out = md::heading(level, escape(l.tr("report.secretaries")));
  md::Table t{{escape(l.tr("report.branch")), escape(l.tr("report.secretary")), escape(l.tr("report.certified")),
               escape(l.tr("report.competency-gaps")), escape(l.tr("report.reserve-cadres"))},
              {},
              {4}};
  size_t fine = 0;
  for (const auto& row : d.secretaries) {
    const auto& b = *row.branch;
    std::vector<std::string> gaps;
    for (const auto& [ability, rating] : row.gaps)
      gaps.push_back(escape(l.tr("report.ability-rating", {{"ability", l.get("ability", ability)}, {"rating", rating}})));
    const bool certified = row.certified;
    const int64_t reserve = row.reserve_cadres;
    // Without --detail, a district or street shows only the secretaries with something
    // to act on; the others are counted in a sentence.
    if (!o.detail && d.scope.kind != report::ScopeKind::Branch && !row.needs_action()) {
      ++fine;
      continue;
    }
    t.rows.push_back({escape(b.name.v), escape(b.secretary ? b.secretary->name.v : ""),
                      escape(certified ? l.tr("report.yes") : l.tr("report.no")),
                      gaps.empty() ? escape(row.rated ? l.tr("report.none") : l.tr("report.not-rated")) : join(gaps, l),
                      std::to_string(reserve)});
  }
  if (t.rows.size() == 1 && d.scope.kind == report::ScopeKind::Branch) {
    const auto& r = t.rows.front();
    out += say(l, "report.secretary.one",
               {{"secretary", r[1]}, {"certified", r[2]}, {"gaps", r[3]}, {"reserve", r[4]}}) +
           "\n\n";
  } else if (!t.rows.empty()) {
    out += md::table(t) + "\n";
  }
  if (fine > 0) out += say(l, "report.secretaries.fine", {{"count", std::to_string(fine)}, {"option", md::code("--detail")}}) + "\n\n";
  return out;
}

std::string awards(const report::Data& d, const Labels& l, int level) {
  std::string out = md::heading(level, escape(l.tr("report.awards")));
  if (d.awards.empty()) return out + escape(l.tr("report.no-awards")) + "\n\n";
  md::Table t{{escape(l.tr("report.branch")), escape(l.tr("report.award-kind")), escape(l.tr("report.title")),
               escape(l.tr("report.approved"))},
              {},
              {}};
  for (const auto& a : d.awards)
    t.rows.push_back({escape(a.branch->name.v), escape(l.get("award", a.award->kind.v)), escape(a.award->title.v),
                      escape(a.award->approved && *a.award->approved ? l.tr("report.yes") : l.tr("report.no"))});
  return out + md::table(t) + "\n";
}

}  // namespace svcorg::render::rpt
