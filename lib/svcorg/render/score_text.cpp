// The score as an aligned table and as CSV.
#include <fmt/format.h>

#include "svcorg/i18n/catalogue.hpp"
#include "svcorg/render/labels.hpp"
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

std::string rollup_line(const score::Rollup& r, bool street, i18n::Lang lang) {
  const std::vector<std::pair<std::string, i18n::Arg>> args = {
      {"id", r.id.empty() ? "-" : r.id},
      {"branches", r.branches},
      {"scored", r.scored},
      {"mean", fixed(r.mean_total, 2)},
      {"received", r.needs.received},
      {"carried_over", r.needs.carried_over},
      {"resolution", fixed(r.needs.resolution_rate, 4)},
      {"on_time", fixed(r.needs.on_time_resolution_rate, 4)},
      {"adherence", fixed(r.platform_adherence, 4)}};
  return i18n::tr(lang, street ? "render.score.rollup.street" : "render.score.rollup.district", args) + "\n";
}

}  // namespace

std::string score_table(const score::Result& r, const ScoreSelection& sel, i18n::Lang lang) {
  Table t;
  t.header = {i18n::tr(lang, "render.score.col.rank"),       i18n::tr(lang, "render.score.col.id"),
              i18n::tr(lang, "render.score.col.name"),       i18n::tr(lang, "render.score.col.type"),
              i18n::tr(lang, "render.score.col.street"),     i18n::tr(lang, "render.score.col.total"),
              i18n::tr(lang, "render.score.col.grade"),      i18n::tr(lang, "render.score.col.base"),
              i18n::tr(lang, "render.score.col.autonomous"), i18n::tr(lang, "render.score.col.bonus"),
              i18n::tr(lang, "render.score.col.plan-level"), i18n::tr(lang, "render.score.col.execution"),
              i18n::tr(lang, "render.score.col.effect"),     i18n::tr(lang, "render.score.col.systems"),
              i18n::tr(lang, "render.score.col.satisfaction"), i18n::tr(lang, "render.score.col.rank-in-type")};
  t.right = {0, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  for (const auto* s : sel.branches) {
    std::vector<std::string> row = {std::to_string(s->rank_in_district),
                                    *s->branch->id,
                                    truncate(*s->branch->name, 24),
                                    truncate(shown(lang, "type", *s->branch->type), 24),
                                    *s->branch->street,
                                    fixed(s->total, 2) + (s->provisional ? "*" : ""),
                                    shown(lang, "grade", s->grade),
                                    fixed(s->base, 2),
                                    fixed(s->autonomous, 2),
                                    fixed(s->bonus, 2)};
    for (const char* c : kComponents) row.push_back(fixed(s->component(c), 2));
    row.push_back(std::to_string(s->rank_in_type));
    t.rows.push_back(std::move(row));
  }
  std::string out = i18n::tr(lang, "render.score.title",
                             {{"year", r.year},
                              {"as_of", i18n::date(r.as_of.str())},
                              {"weight", fmt::format("{}", r.base_weight)}}) +
                    "\n\n";
  out += render_text(t);
  bool provisional = false;
  for (const auto* s : sel.branches) provisional = provisional || s->provisional;
  if (provisional) out += i18n::tr(lang, "render.score.provisional") + "\n";
  if (!sel.unscored.empty()) {
    std::string list;
    for (const auto* u : sel.unscored) {
      if (!list.empty()) list += i18n::tr(lang, "render.score.unscored.separator");
      // The reason as the language says it: `missing-plan`, 本年度无计划.
      const std::string reason = lang == i18n::Lang::En ? u->reason : unscored_reason(lang, u->reason);
      list += i18n::tr(lang, "render.score.unscored.item", {{"id", u->id}, {"reason", reason}});
    }
    out += "\n" + i18n::tr(lang, "render.score.unscored", {{"list", list}}) + "\n";
  }
  out += "\n";
  for (const auto* st : sel.streets) out += rollup_line(*st, true, lang);
  out += rollup_line(r.district, false, lang);
  return out;
}

std::string score_csv(const score::Result& /*r*/, const ScoreSelection& sel, const Names& names, i18n::Lang lang,
                      const CsvOptions& options) {
  Table t;
  t.header = {i18n::tr(lang, "render.score.csv.id"),
              i18n::tr(lang, "render.score.csv.name"),
              i18n::tr(lang, "render.score.csv.type"),
              i18n::tr(lang, "render.score.csv.street"),
              i18n::tr(lang, "render.score.csv.street-name"),
              i18n::tr(lang, "render.score.csv.plan"),
              i18n::tr(lang, "render.score.csv.provisional"),
              i18n::tr(lang, "render.score.csv.total"),
              i18n::tr(lang, "render.score.csv.grade"),
              i18n::tr(lang, "render.score.csv.rank-in-district"),
              i18n::tr(lang, "render.score.csv.rank-in-type"),
              i18n::tr(lang, "render.score.csv.base"),
              i18n::tr(lang, "render.score.csv.autonomous"),
              i18n::tr(lang, "render.score.csv.bonus"),
              i18n::tr(lang, "render.score.csv.plan-level"),
              i18n::tr(lang, "render.score.csv.execution"),
              i18n::tr(lang, "render.score.csv.effect"),
              i18n::tr(lang, "render.score.csv.systems"),
              i18n::tr(lang, "render.score.csv.satisfaction"),
              i18n::tr(lang, "render.score.csv.quality"),
              i18n::tr(lang, "render.score.csv.percentile"),
              i18n::tr(lang, "render.score.csv.peers"),
              i18n::tr(lang, "render.score.csv.needs-received"),
              i18n::tr(lang, "render.score.csv.needs-carried-over"),
              i18n::tr(lang, "render.score.csv.needs-declined"),
              i18n::tr(lang, "render.score.csv.needs-resolved"),
              i18n::tr(lang, "render.score.csv.needs-open"),
              i18n::tr(lang, "render.score.csv.needs-overdue"),
              i18n::tr(lang, "render.score.csv.resolution-rate"),
              i18n::tr(lang, "render.score.csv.on-time-resolution-rate"),
              i18n::tr(lang, "render.score.csv.response-on-time-rate"),
              i18n::tr(lang, "render.score.csv.feedback-satisfied-rate")};
  // Every column from the total on holds a number svcorg writes (grade aside).
  for (size_t i = 7; i < t.header.size(); ++i)
    if (i != 8) t.numeric.push_back(i);
  for (const auto* s : sel.branches) {
    const auto& n = s->needs;
    std::vector<std::string> row = {*s->branch->id,
                                    *s->branch->name,
                                    shown(lang, "type", *s->branch->type),
                                    *s->branch->street,
                                    names.street(*s->branch->street),
                                    *s->plan->id,
                                    i18n::tr(lang, s->provisional ? "render.csv.true" : "render.csv.false"),
                                    fixed(s->total, 2),
                                    shown(lang, "grade", s->grade),
                                    std::to_string(s->rank_in_district),
                                    std::to_string(s->rank_in_type),
                                    fixed(s->base, 2),
                                    fixed(s->autonomous, 2),
                                    fixed(s->bonus, 2)};
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
  return render_csv(t, options);
}

}  // namespace svcorg::render
