// The score as an aligned table and as CSV.
#include <fmt/format.h>

#include "svcorg/render/score.hpp"
#include "svcorg/render/table.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

using score::round_to;

std::string fixed(double v, int decimals) { return fmt::format("{:.{}f}", round_to(v, decimals), decimals); }

std::string fixed(const std::optional<double>& v, int decimals, const char* undefined) {
  return v ? fixed(*v, decimals) : std::string(undefined);
}

ScoreSelection select_all(const score::Result& r) {
  ScoreSelection sel;
  for (const auto& s : r.branches) sel.branches.push_back(&s);
  for (const auto& u : r.unscored) sel.unscored.push_back(&u);
  for (const auto& st : r.streets) sel.streets.push_back(&st);
  return sel;
}

namespace {

const char* kComponents[] = {"plan_level", "execution", "effect", "systems", "satisfaction"};

std::string rollup_line(const score::Rollup& r, const char* what) {
  return fmt::format(
      "{} {}: {} branches, {} scored, mean total {}, {} needs of its own layer received and {} "
      "carried over (resolved {}, on time {}), platform adherence {}\n",
      what, r.id.empty() ? "-" : r.id, r.branches, r.scored, fixed(r.mean_total, 2), r.needs.received,
      r.needs.carried_over, fixed(r.needs.resolution_rate, 4), fixed(r.needs.on_time_resolution_rate, 4),
      fixed(r.platform_adherence, 4));
}

}  // namespace

std::string score_table(const score::Result& r, const ScoreSelection& sel) {
  Table t;
  t.header = {"rank", "id", "name", "type", "street", "total", "grade", "base", "auton.", "bonus",
              "plan", "exec.", "effect", "systems", "satisf.", "type rank"};
  t.right = {0, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  for (const auto* s : sel.branches) {
    std::vector<std::string> row = {std::to_string(s->rank_in_district),
                                    *s->branch->id,
                                    truncate(*s->branch->name, 24),
                                    *s->branch->type,
                                    *s->branch->street,
                                    fixed(s->total, 2) + (s->provisional ? "*" : ""),
                                    s->grade,
                                    fixed(s->base, 2),
                                    fixed(s->autonomous, 2),
                                    fixed(s->bonus, 2)};
    for (const char* c : kComponents) row.push_back(fixed(s->component(c), 2));
    row.push_back(std::to_string(s->rank_in_type));
    t.rows.push_back(std::move(row));
  }
  std::string out = fmt::format("svcorg score {} as of {} (base weight {})\n\n", r.year, r.as_of.str(),
                                fmt::format("{}", r.base_weight));
  out += render_text(t);
  bool provisional = false;
  for (const auto* s : sel.branches) provisional = provisional || s->provisional;
  if (provisional) out += "* provisional: the plan is not reviewed yet\n";
  if (!sel.unscored.empty()) {
    out += "\nnot scored:";
    for (const auto* u : sel.unscored) out += fmt::format(" {} ({})", u->id, u->reason);
    out += "\n";
  }
  out += "\n";
  for (const auto* st : sel.streets) out += rollup_line(*st, "street");
  out += rollup_line(r.district, "district");
  return out;
}

std::string score_csv(const score::Result& /*r*/, const ScoreSelection& sel) {
  Table t;
  t.header = {"id", "name", "type", "street", "plan", "provisional", "total", "grade", "rank_in_district",
              "rank_in_type", "base", "autonomous", "bonus"};
  for (const char* c : kComponents) t.header.push_back(c);
  for (const char* c : {"quality", "percentile", "peers", "needs_received", "needs_carried_over", "needs_declined",
                        "needs_resolved", "needs_open", "needs_overdue", "resolution_rate", "on_time_resolution_rate",
                        "response_on_time_rate", "feedback_satisfied_rate"})
    t.header.push_back(c);
  for (const auto* s : sel.branches) {
    const auto& n = s->needs;
    std::vector<std::string> row = {*s->branch->id, *s->branch->name, *s->branch->type, *s->branch->street,
                                    *s->plan->id, s->provisional ? "true" : "false", fixed(s->total, 2), s->grade,
                                    std::to_string(s->rank_in_district), std::to_string(s->rank_in_type),
                                    fixed(s->base, 2), fixed(s->autonomous, 2), fixed(s->bonus, 2)};
    for (const char* c : kComponents) row.push_back(fixed(s->component(c), 2, ""));
    row.push_back(fixed(s->quality, 4));
    row.push_back(fixed(s->percentile, 4, ""));
    row.push_back(std::to_string(s->peers));
    for (size_t v : {n.received, n.carried_over, n.declined, n.resolved, n.open, n.overdue})
      row.push_back(std::to_string(v));
    for (const auto* rate : {&n.resolution_rate, &n.on_time_resolution_rate, &n.response_on_time_rate,
                             &n.feedback_satisfied_rate})
      row.push_back(fixed(*rate, 4, ""));
    t.rows.push_back(std::move(row));
  }
  return render_csv(t);
}

}  // namespace svcorg::render
