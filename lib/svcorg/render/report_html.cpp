// The HTML report: the sections of the Markdown report (report_sections.cpp,
// report_card.cpp, report_appendix.cpp) from the same report::Data, as HTML blocks, with
// the Mermaid charts drawn as SVG.
#include "svcorg/render/report_html.hpp"

#include <algorithm>
#include <initializer_list>

#include <fmt/format.h>

#include "svcorg/model/vocab.hpp"
#include "svcorg/render/html.hpp"
#include "svcorg/render/report_common.hpp"
#include "svcorg/render/svg.hpp"

namespace svcorg::render {

namespace {

using html::escape;
using rpt::days;
using rpt::num2;
using rpt::pct;

// Table headers: the catalogue messages `ids`, escaped.
std::vector<std::string> header(const Labels& l, std::initializer_list<const char*> ids) {
  std::vector<std::string> out;
  for (const char* id : ids) out.push_back(escape(l.tr(id)));
  return out;
}

std::string h(const Labels& l, int level, const char* id, bool page_break = false) {
  return html::heading(level, escape(l.tr(id)), page_break);
}

std::string bold(const std::string& escaped) { return "<strong>" + escaped + "</strong>"; }

std::string received(const ledger::NeedFacts& f, const Labels& l) {
  if (!f.carried_over) return html::code(f.received.str());
  return escape(l.tr("report.received-carried-over", {{"date", f.received.str()}}));
}

std::string status(const ledger::NeedFacts& f, const Labels& l) {
  return escape(l.get("status", ledger::status_name(f.status))) + (f.overdue ? " ⚠" : "");
}

std::string street_name(const report::Data& d, const std::string& id) {
  auto it = d.street_names.find(id);
  return it == d.street_names.end() ? html::code(id) : escape(it->second) + " " + html::code(id);
}

std::string id_list(const std::vector<model::F<std::string>>& ids) {
  std::string out;
  for (const auto& n : ids) out += (out.empty() ? "" : ", ") + html::code(n.v);
  return out.empty() ? "—" : out;
}

// A bar chart of scores (0-100) with the note where its axis does not start at 0.
std::string score_chart(const Labels& l, const std::string& title, std::vector<svg::Bar> bars,
                        std::optional<double> mean) {
  svg::BarChart c;
  c.title = title;
  c.axis_label = l.tr("report.mean-total");
  c.bars = std::move(bars);
  c.reference = mean;
  if (mean) c.reference_label = l.tr("render.chart.mean", {{"value", num2(*mean)}});
  std::vector<double> values;
  for (const auto& b : c.bars) values.push_back(b.value);
  if (mean) values.push_back(*mean);
  const svg::Axis axis = svg::value_axis(values, false);
  if (axis.lo != 0) c.note = l.tr("render.chart.axis-from", {{"value", svg::number(axis.lo, axis.decimals)}});
  return html::figure(svg::bar_chart(c), escape(title));
}

std::string title_line(const report::Data& d, const Labels& l) {
  return html::paragraph(fmt::format("{} {} · {} {}", bold(escape(l.tr("report.year"))), d.result->year,
                                     bold(escape(l.tr("report.as-of"))), html::code(d.result->as_of.str())));
}

std::string provisional(const Labels& l) {
  return "<blockquote>" + escape(l.tr("report.provisional-note")) + "</blockquote>\n";
}

// --- District and street --------------------------------------------------------------

std::string summary(const report::Data& d, const Labels& l) {
  html::Table t{header(l, {"report.summary", "report.figure"}), {}, {1}, {}};
  auto add = [&](std::string label, std::string v) { t.rows.push_back({std::move(label), std::move(v)}); };
  add(escape(l.tr("report.branches")), std::to_string(d.branches.size()));
  for (const auto& [type, n] : d.own->by_type) add("· " + escape(l.get("type", type)), std::to_string(n));
  add(escape(l.tr("report.scored")), std::to_string(d.scores.size()));
  double sum = 0;
  for (const auto* s : d.scores) sum += s->total;
  add(escape(l.tr("report.mean-total")), d.scores.empty() ? "—" : num2(sum / static_cast<double>(d.scores.size())));
  const auto& m = d.ledger.listing.summary;
  add(escape(l.tr("report.needs-received")), std::to_string(m.received));
  add(escape(l.tr("report.needs-carried-over")), std::to_string(m.carried_over));
  add(escape(l.tr("report.needs-resolved")), std::to_string(m.resolved));
  add(escape(l.tr("report.needs-overdue")), std::to_string(m.overdue));
  add(escape(l.tr("report.resolution-rate")), pct(m.resolution_rate));
  add(escape(l.tr("report.on-time-resolution-rate")), pct(m.on_time_resolution_rate));
  add(escape(l.tr("report.response-on-time-rate")), pct(m.response_on_time_rate));
  return h(l, 2, "report.summary") + html::table(t);
}

std::string ranking(const report::Data& d, const Labels& l) {
  std::string out = h(l, 2, "report.ranking");
  for (const auto& type : model::vocab::kBranchTypes) {
    html::Table t{header(l, {"report.rank-in-type", "report.branch", "report.street", "report.total", "report.grade",
                             "report.rank-in-district"}),
                  {},
                  {0, 3, 5},
                  {4}};
    for (const auto* s : d.scores)
      if (s->branch->type.v == type)
        t.rows.push_back({std::to_string(s->rank_in_type),
                          escape(s->branch->name.v) + " " + html::code(s->branch->id.v),
                          street_name(d, s->branch->street.v), num2(s->total) + (s->provisional ? "*" : ""),
                          escape(l.get("grade", s->grade)), std::to_string(s->rank_in_district)});
    if (!t.rows.empty()) out += html::heading(3, escape(l.get("type", type))) + html::table(t);
  }
  if (!d.unscored.empty()) {
    std::string list;
    for (size_t i = 0; i < d.unscored.size(); ++i)
      list += (i ? ", " : "") + html::code(d.unscored[i]->id) + " (" +
              escape(unscored_reason(l.lang(), d.unscored[i]->reason)) + ")";
    out += html::paragraph(bold(escape(l.tr("report.not-scored"))) + ": " + list);
  }
  return out;
}

std::string streets(const report::Data& d, const Labels& l) {
  html::Table t{header(l, {"report.street", "report.branches", "report.scored", "report.mean-total", "report.own-needs",
                           "report.carried-over", "report.resolution-rate", "report.on-time-resolution-rate",
                           "report.platform-adherence"}),
                {},
                {1, 2, 3, 4, 5, 6, 7, 8},
                {}};
  auto row = [&](const score::Rollup& r, const std::string& name) {
    t.rows.push_back({name, std::to_string(r.branches), std::to_string(r.scored), num2(r.mean_total),
                      std::to_string(r.needs.received), std::to_string(r.needs.carried_over),
                      pct(r.needs.resolution_rate), pct(r.needs.on_time_resolution_rate), pct(r.platform_adherence)});
  };
  std::vector<svg::Bar> bars;
  for (const auto* st : d.streets) {
    row(*st, street_name(d, st->id));
    auto name = d.street_names.find(st->id);
    if (st->mean_total) bars.push_back({name == d.street_names.end() ? st->id : name->second, *st->mean_total});
  }
  const bool district = d.scope.kind == report::ScopeKind::District;
  if (district) row(*d.own, bold(escape(l.tr("report.district-own"))));
  std::string out = h(l, 2, "report.streets") + html::table(t);
  if (district && !bars.empty())
    out += score_chart(l, l.tr("report.mean-total-by-street"), std::move(bars), d.own->mean_total);
  std::vector<svg::Bar> by_type;
  for (const auto& type : model::vocab::kBranchTypes) {
    double sum = 0;
    size_t n = 0;
    for (const auto* s : d.scores)
      if (s->branch->type.v == type) {
        sum += s->total;
        ++n;
      }
    if (n > 0) by_type.push_back({l.get("type", type), score::round_to(sum / static_cast<double>(n), 2)});
  }
  if (!by_type.empty()) out += score_chart(l, l.tr("report.mean-total-by-type"), std::move(by_type), std::nullopt);
  return out;
}

std::string group_table(const std::vector<report::Group>& groups, const char* label_group, const char* heading,
                        const Labels& l) {
  html::Table t{header(l, {heading, "report.received-in-year", "report.carried-over", "report.needs-resolved",
                           "report.needs-open", "report.needs-overdue", "report.resolution-rate",
                           "report.on-time-resolution-rate"}),
                {},
                {1, 2, 3, 4, 5, 6, 7},
                {0}};
  for (const auto& g : groups)
    t.rows.push_back({escape(l.get(label_group, g.key)), std::to_string(g.metrics.received),
                      std::to_string(g.metrics.carried_over), std::to_string(g.metrics.resolved),
                      std::to_string(g.metrics.open), std::to_string(g.metrics.overdue), pct(g.metrics.resolution_rate),
                      pct(g.metrics.on_time_resolution_rate)});
  return html::table(t);
}

std::string carried_over(const ledger::Metrics& m, const Labels& l) {
  if (m.carried_over_by_year.empty()) return std::to_string(m.carried_over);
  std::string years;
  for (const auto& [year, n] : m.carried_over_by_year)
    years += (years.empty() ? "" : l.tr("report.list-separator")) +
             l.tr("report.carried-over-from", {{"count", n}, {"year", year}});
  return escape(l.tr("report.carried-over-years", {{"count", m.carried_over}, {"years", years}}));
}

std::string ledger_summary(const ledger::Metrics& m, const Labels& l) {
  html::Table t{header(l, {"report.summary", "report.figure"}), {}, {1}, {}};
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
  const std::string median_p90 = " (" + l.tr("report.median") + " / " + l.tr("report.p90") + ")";
  t.rows.push_back({escape(l.tr("report.response-days") + median_p90),
                    days(m.response_days_median) + " / " + days(m.response_days_p90)});
  t.rows.push_back({escape(l.tr("report.resolution-days") + median_p90),
                    days(m.resolution_days_median) + " / " + days(m.resolution_days_p90)});
  html::Table b{header(l, {"report.backlog", "report.count"}), {}, {1}, {}};
  const char* buckets[] = {"0-7", "8-30", "31-90", "> 90"};
  for (size_t i = 0; i < 4; ++i)
    b.rows.push_back({escape(std::string(buckets[i]) + " " + l.tr("report.days")), std::to_string(m.backlog[i])});
  return html::table(t) + html::table(b);
}

// The needs per channel (the Markdown's pie), received in the year and carried over.
std::string channel_chart(const std::vector<report::Group>& groups, const Labels& l) {
  svg::StackedChart c;
  c.title = l.tr("report.by-channel");
  c.axis_label = l.tr("report.count");
  c.series = {l.tr("report.received-in-year"), l.tr("report.carried-over")};
  for (const auto& g : groups)
    c.bars.push_back({l.get("channel", g.key),
                      {static_cast<double>(g.metrics.received), static_cast<double>(g.metrics.carried_over)}});
  return html::figure(svg::stacked_chart(c), escape(c.title));
}

std::string need_table(const std::vector<const ledger::Row*>& rows, const report::Data& d, const Labels& l,
                       bool overdue) {
  html::Table t{overdue ? header(l, {"report.need", "report.branch", "report.received", "report.due",
                                     "report.days-overdue", "report.summary-text"})
                        : header(l, {"report.need", "report.branch", "report.received", "report.status", "report.due",
                                     "report.summary-text"}),
                {},
                {},
                {0, 1, 2, 3}};
  if (overdue) t.right = {4};
  for (const auto* r : rows) {
    const auto& f = r->facts;
    if (overdue)
      t.rows.push_back({html::code(f.need->id.v), html::code(f.need->branch.v), received(f, l), html::code(f.due.str()),
                        std::to_string(d.result->as_of - f.due), escape(f.need->summary.v)});
    else
      t.rows.push_back({html::code(f.need->id.v), html::code(f.need->branch.v), received(f, l), status(f, l),
                        html::code(f.due.str()), escape(f.need->summary.v)});
  }
  return html::table(t);
}

std::string ledger(const report::Data& d, const Labels& l, int level) {
  const auto& v = d.ledger;
  std::string out = h(l, level, "report.ledger");
  if (v.listing.rows.empty()) return out + html::paragraph(escape(l.tr("report.no-needs")));
  out += ledger_summary(v.listing.summary, l);
  out += h(l, level + 1, "report.by-channel") + group_table(v.by_channel, "channel", "report.channel", l);
  out += channel_chart(v.by_channel, l);
  out += h(l, level + 1, "report.by-category") + group_table(v.by_category, "category", "report.category", l);
  out += h(l, level + 1, "report.by-disposal") + group_table(v.by_disposal, "disposal", "report.disposal", l);
  out += h(l, level + 1, "report.by-layer") + group_table(v.by_layer, "layer", "report.layer", l);
  if (d.scope.kind != report::ScopeKind::Branch) {
    out += h(l, level + 1, "report.own-needs");
    out +=
        v.own_layer.empty() ? html::paragraph(escape(l.tr("report.no-needs"))) : need_table(v.own_layer, d, l, false);
  }
  out += h(l, level + 1, "report.oldest-overdue");
  if (v.oldest_overdue.empty()) return out + html::paragraph(escape(l.tr("report.none-overdue")));
  return out + need_table(v.oldest_overdue, d, l, true);
}

std::string platforms(const report::Data& d, const Labels& l, int level) {
  std::string out = h(l, level, "report.platforms");
  if (d.platforms.empty()) return out + html::paragraph(escape(l.tr("report.no-platforms")));
  html::Table t{header(l, {"report.platform", "report.owner", "report.level", "report.category", "report.cadence",
                           "report.held", "report.expected", "report.adherence"}),
                {},
                {5, 6, 7},
                {1, 2, 3, 4}};
  for (const auto& a : d.platforms) {
    const auto& p = *a.platform;
    t.rows.push_back({escape(p.name.v) + " " + html::code(p.id.v), html::code(p.owner.v),
                      escape(l.get("level", p.level.v)), escape(l.get("platform_category", p.category.v)),
                      escape(l.get("cadence", p.cadence.v)), a.value ? std::to_string(a.held) : "—",
                      a.value ? fmt::format("{:.1f}", a.expected) : "—",
                      a.value ? pct(a.value) : escape(l.tr("report.window-empty"))});
  }
  return out + html::table(t);
}

std::string secretaries(const report::Data& d, const Labels& l, int level) {
  html::Table t{header(l, {"report.branch", "report.secretary", "report.certified", "report.competency-gaps",
                           "report.reserve-cadres"}),
                {},
                {4},
                {0, 1, 2}};
  for (const auto& row : d.secretaries) {
    const auto& b = *row.branch;
    std::string gaps;
    for (const auto& [ability, rating] : row.gaps)
      gaps += (gaps.empty() ? "" : ", ") + escape(l.get("ability", ability)) + " " + std::to_string(rating);
    if (gaps.empty()) gaps = escape(row.rated ? l.tr("report.none") : l.tr("report.not-rated"));
    const bool certified = b.secretary && b.secretary->certified && *b.secretary->certified;
    t.rows.push_back({html::code(b.id.v), escape(b.secretary ? b.secretary->name.v : ""),
                      escape(certified ? l.tr("report.yes") : l.tr("report.no")), gaps,
                      std::to_string(b.reserve_cadres ? *b.reserve_cadres : 0)});
  }
  return h(l, level, "report.secretaries") + html::table(t);
}

std::string awards(const report::Data& d, const Labels& l, int level) {
  std::string out = h(l, level, "report.awards");
  if (d.awards.empty()) return out + html::paragraph(escape(l.tr("report.no-awards")));
  html::Table t{
      header(l, {"report.branch", "report.award-kind", "report.title", "report.approved"}), {}, {}, {0, 1, 3}};
  for (const auto& a : d.awards)
    t.rows.push_back({html::code(a.branch->id.v), escape(l.get("award", a.award->kind.v)), escape(a.award->title.v),
                      escape(a.award->approved && *a.award->approved ? l.tr("report.yes") : l.tr("report.no"))});
  return out + html::table(t);
}

// --- Appendix -------------------------------------------------------------------------

// Labels joined with ", ", each kept on one line (a narrow column wraps between them).
std::string label_list(const std::vector<std::string>& values, const char* group, const Labels& l) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + html::nowrap(escape(l.get(group, values[i])));
  return out.empty() ? escape(l.tr("report.none")) : out;
}

std::string weights(const report::Data& d, const Labels& l) {
  const score::Model& m = *d.model;
  html::Table t{header(l, {"report.group", "report.weights"}), {}, {}, {}};
  auto add = [&](const std::string& group_label, const score::Weights& w, const char* label_group) {
    std::string cells;
    for (size_t i = 0; i < w.size(); ++i)
      cells += (i ? ", " : "") + escape(l.get(label_group, w[i].first)) + " " + fmt::format("{}", w[i].second);
    t.rows.push_back({escape(group_label), cells});
  };
  t.rows.push_back({escape(l.tr("report.base-weight")), fmt::format("{}", d.result->base_weight)});
  add(l.get("component", "base"), m.base, "part");
  add(l.get("component", "autonomous"), m.autonomous, "component");
  add(l.get("component", "plan_level"), m.plan_level, "part");
  add(l.get("part", "quality"), m.quality, "part");
  add(l.get("component", "effect"), m.effect, "part");
  add(l.get("component", "satisfaction"), m.satisfaction, "part");
  t.rows.push_back({escape(l.get("component", "bonus")),
                    fmt::format("{} {} {}", m.award_points, escape(l.tr("report.award-points")), m.award_cap)});
  t.rows.push_back(
      {escape(l.tr("report.grades-thresholds")),
       fmt::format("{} {} · {} {} · {} {}", escape(l.get("grade", "excellent")), m.grade_excellent,
                   escape(l.get("grade", "good")), m.grade_good, escape(l.get("grade", "fair")), m.grade_fair)});
  return html::table(t);
}

std::string type_rules(const report::Data& d, const Labels& l) {
  html::Table t{header(l, {"report.type", "report.required-platforms", "report.need-categories", "report.numbers"}),
                {},
                {},
                {0}};
  for (const auto& type : model::vocab::kBranchTypes) {
    const auto* r = d.rules->for_type(type);
    if (!r) continue;
    std::string numbers = fmt::format("{} {} · {} {} · {}", l.get("number", "min_plan_items"), r->min_plan_items,
                                      l.get("number", "response_days"), r->response_days,
                                      l.get("number", "resolve_days"));
    for (const auto& layer : model::vocab::kLayers)
      numbers += fmt::format(" {} {}", l.get("layer", layer), r->resolve_days_for(layer));
    numbers += fmt::format(" · {} {} · {} {}", l.get("number", "organizational_life_per_year"),
                           r->organizational_life_per_year, l.get("number", "min_survey_respondents"),
                           r->min_survey_respondents);
    t.rows.push_back({escape(l.get("type", type)), label_list(r->required_platforms, "platform_category", l),
                      label_list(r->need_categories, "category", l), escape(numbers)});
  }
  return html::table(t);
}

std::string appendix(const report::Data& d, const Labels& l) {
  return h(l, 2, "report.appendix", true) + h(l, 3, "report.weights") + weights(d, l) + h(l, 3, "report.rules") +
         type_rules(d, l) +
         html::paragraph(bold(escape(l.tr("report.negative-list"))) + ": " +
                         label_list(d.rules->negative_list, "category", l));
}

// --- Branch card ----------------------------------------------------------------------

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
      out += (out.empty() ? "" : "; ") + l.get("platform_category", e.category) + " ";
      out += e.best ? fmt::format("{} {}/{:.1f}", e.best->platform->id.v, e.best->held, e.best->expected)
                    : l.tr("report.no-platform");
    }
    return out;
  }
  if (part != "satisfaction") return "";
  auto survey = [&](const model::F<model::Survey>& v, const char* key) {
    const std::string name = l.get("part", key);
    if (!v) return name + " " + l.tr("report.no-survey");
    return fmt::format("{} {} {} ({} {})", name, l.tr("report.survey-mean"), v->mean.v, v->respondents.v,
                       l.tr("report.respondents"));
  };
  if (!s.plan->review) return l.tr("report.no-survey");
  return survey(s.plan->review->member_survey, "members") + "; " + survey(s.plan->review->public_survey, "public");
}

std::string components(const score::BranchScore& s, const Labels& l) {
  html::Table t{
      header(l, {"report.component", "report.value", "report.weight", "report.contribution", "report.inputs"}),
      {},
      {1, 2, 3},
      {}};
  const std::string excluded = escape(l.tr("report.excluded"));
  for (const auto& p : s.base_parts)
    t.rows.push_back({escape(l.get("component", "base") + " · " + l.get("part", p.name)),
                      p.value ? num2(*p.value) : excluded, fmt::format("{}", p.weight),
                      p.value ? num2(s.beta * score::share(s.base_parts, p.name) * *p.value) : "—", ""});
  t.rows.push_back({bold(escape(l.get("component", "base"))), num2(s.base), fmt::format("β {}", s.beta),
                    num2(s.beta * s.base), ""});
  for (const auto& c : s.components)
    t.rows.push_back({escape(l.get("component", c.name)), c.value ? num2(*c.value) : excluded,
                      fmt::format("{}", c.weight),
                      c.value ? num2((1 - s.beta) * score::share(s.components, c.name) * *c.value) : "—",
                      escape(inputs(s, c.name, l))});
  t.rows.push_back({bold(escape(l.get("component", "autonomous"))), num2(s.autonomous),
                    fmt::format("1 − β {}", 1 - s.beta), num2((1 - s.beta) * s.autonomous), ""});
  t.rows.push_back({escape(l.get("component", "bonus")), num2(s.bonus), "", num2(s.bonus),
                    std::to_string(s.approved_awards) + " " + escape(l.tr("report.approved-awards"))});
  t.rows.push_back({bold(escape(l.get("component", "total"))), bold(num2(s.total)), "", "", ""});
  return html::table(t);
}

std::string improve(const report::Data& d, const Labels& l) {
  std::string out = h(l, 2, "report.improve-first") + "<ol>\n";
  size_t n = 0;
  for (const auto& imp : d.improve) {
    if (++n > 5) break;
    const std::string name = imp.base ? l.get("component", "base") + " · " + l.get("part", imp.part)
                                      : l.get("component", imp.part);
    out += fmt::format("<li>{} {} — {} {}", bold(escape(name)), num2(imp.value), num2(imp.points_lost),
                       escape(l.tr("report.points-lost")));
    if (!imp.facts.empty()) out += "\n<ul>\n";
    for (const auto& f : imp.facts) {
      std::string values;
      for (size_t i = 0; i < f.values.size(); ++i) values += (i ? ", " : "") + escape(i18n::render(f.values[i], l.lang()));
      out += "<li>" + escape(i18n::render(f.what, l.lang())) + (values.empty() ? "" : ": " + values) + "</li>\n";
    }
    out += imp.facts.empty() ? "</li>\n" : "</ul>\n</li>\n";
  }
  return out + "</ol>\n";
}

std::string items(const report::Data& d, const Labels& l) {
  std::string out = h(l, 2, "report.plan-items");
  if (!d.plan) return out + html::paragraph(escape(l.tr("report.no-plan")));
  if (!d.plan->items || d.plan->items->empty()) return out + html::paragraph(escape(l.tr("report.no-items")));
  html::Table t{header(l, {"report.item", "report.category", "report.target", "report.weight", "report.progress",
                           "report.needs"}),
                {},
                {3},
                {1, 4}};
  for (const auto& it : *d.plan->items)
    t.rows.push_back({escape(it.title.v) + " " + html::code(it.id.v), escape(l.get("category", it.category.v)),
                      it.target ? escape(it.target->metric.v) + " " + fmt::format("{}", it.target->value.v) : "—",
                      fmt::format("{}", it.weight ? *it.weight : 1.0), html::progress(it.progress ? *it.progress : 0),
                      it.needs ? id_list(*it.needs) : "—"});
  return out + html::table(t);
}

std::string needs(const report::Data& d, const Labels& l) {
  std::string out = h(l, 2, "report.needs");
  if (d.ledger.listing.rows.empty()) return out + html::paragraph(escape(l.tr("report.no-needs")));
  html::Table t{header(l, {"report.need", "report.received", "report.channel", "report.category", "report.status",
                           "report.due", "report.summary-text"}),
                {},
                {},
                {0, 1, 2, 3, 4, 5}};
  for (const auto& r : d.ledger.listing.rows) {
    const auto& n = *r.facts.need;
    t.rows.push_back({html::code(n.id.v), received(r.facts, l), escape(l.get("channel", n.channel.v)),
                      escape(l.get("category", n.category.v)), status(r.facts, l), html::code(r.facts.due.str()),
                      escape(n.summary.v)});
  }
  return out + html::table(t);
}

std::string meetings(const report::Data& d, const Labels& l) {
  std::string out = h(l, 3, "report.meetings");
  html::Table t{header(l, {"report.date", "report.platform", "report.attendees", "report.needs", "report.note"}),
                {},
                {2},
                {0, 1}};
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  for (const auto& a : d.platforms) {
    if (!a.value || !a.platform->meetings) continue;
    for (const auto& m : *a.platform->meetings) {
      if (!m.date || *m.date < a.from || *m.date > a.to) continue;
      rows.push_back({m.date->str() + a.platform->id.v,
                      {html::code(m.date->str()), html::code(a.platform->id.v),
                       m.attendees ? std::to_string(*m.attendees) : "—", m.needs ? id_list(*m.needs) : "—",
                       escape(m.note.v)}});
    }
  }
  std::sort(rows.begin(), rows.end());
  for (auto& r : rows) t.rows.push_back(std::move(r.second));
  if (t.rows.empty()) return out + html::paragraph("—");
  return out + html::table(t);
}

std::string card(const report::Data& d, const Labels& l) {
  const model::Branch& b = *d.branch;
  std::string out = html::heading(1, escape(l.tr("report.branch-report") + ": " + b.name.v) + " " + html::code(b.id.v));
  auto pair = [&](const char* id, const std::string& value) { return bold(escape(l.tr(id))) + " " + value; };
  out += html::paragraph(pair("report.type", escape(l.get("type", b.type.v))) + " · " +
                         pair("report.street", street_name(d, b.street.v)) + " · " +
                         pair("report.year", std::to_string(d.result->year)) + " · " +
                         pair("report.as-of", html::code(d.result->as_of.str())));
  if (!d.card) {
    out += html::paragraph(bold(escape(l.tr("report.not-scored"))) + ": " + escape(l.tr("report.missing-plan")));
  } else {
    const auto& s = *d.card;
    out += html::paragraph(pair("report.plan", html::code(s.plan->id.v)) + " · " +
                           pair("report.status", escape(l.get("plan_status", s.plan->status.v))) + " · " +
                           pair("report.rank-in-district", std::to_string(s.rank_in_district)) + " · " +
                           pair("report.rank-in-type", std::to_string(s.rank_in_type)));
    out += html::heading(2, fmt::format("{} {} · {}", escape(l.get("component", "total")), num2(s.total),
                                        escape(l.get("grade", s.grade))));
    if (s.provisional) out += provisional(l);
    out += h(l, 2, "report.components") + components(s, l) + improve(d, l);
  }
  return out + items(d, l) + needs(d, l) + platforms(d, l, 2) + meetings(d, l) + secretaries(d, l, 2);
}

}  // namespace

std::string report_html(const report::Data& d, const Labels& l, const ReportOptions&) {
  using report::ScopeKind;
  if (d.scope.kind == ScopeKind::Branch) {
    const std::string title = l.tr("report.branch-report") + ": " + d.branch->name.v;
    return html::document(title, l.lang(), card(d, l));
  }
  const bool district = d.scope.kind == ScopeKind::District;
  const std::string title =
      l.tr(district ? "report.district-report" : "report.street-report") + (d.name.empty() ? "" : ": " + d.name);
  std::string body = html::heading(1, escape(title)) + title_line(d, l);
  if (std::any_of(d.scores.begin(), d.scores.end(), [](const score::BranchScore* s) { return s->provisional; }))
    body += provisional(l);
  body += summary(d, l) + ranking(d, l) + streets(d, l) + ledger(d, l, 2) + platforms(d, l, 2) +
          secretaries(d, l, 2) + awards(d, l, 2) + appendix(d, l);
  return html::document(title, l.lang(), body);
}

}  // namespace svcorg::render
