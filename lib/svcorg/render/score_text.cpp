// The score as an aligned table and as CSV.
#include <fmt/format.h>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/render/table.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

using score::round_to;

std::string fixed(double v, int decimals) {
  return fmt::format("{:.{}f}", round_to(v, decimals), decimals);
}

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

std::string rollup_line(const score::Rollup& r, const std::string& who, bool street, i18n::Lang lang) {
  const std::vector<std::pair<std::string, i18n::Arg>> args = {{"who", who},
                                                               {"branches", r.branches},
                                                               {"scored", r.scored},
                                                               {"mean", fixed(r.mean_total, 2)},
                                                               {"received", r.needs.received},
                                                               {"carried_over", r.needs.carried_over},
                                                               {"resolution", fixed(r.needs.resolution_rate, 4)},
                                                               {"on_time", fixed(r.needs.on_time_resolution_rate, 4)},
                                                               {"adherence", fixed(r.platform_adherence, 4)}};
  return l10n::tr(lang, street ? "render.score.rollup.street" : "render.score.rollup.district", args) + "\n";
}

}  // namespace

std::string score_table(const score::Result& r, const ScoreSelection& sel, const Names& names, i18n::Lang lang) {
  Table t;
  t.header =
      headers(lang, {"render.score.col.rank", "render.score.col.id", "render.score.col.name", "render.score.col.type",
                     "render.score.col.street", "render.score.col.total", "render.score.col.grade",
                     "render.score.col.base", "render.score.col.autonomous", "render.score.col.bonus",
                     "render.score.col.plan-level", "render.score.col.execution", "render.score.col.effect",
                     "render.score.col.systems", "render.score.col.satisfaction", "render.score.col.rank-in-type"});
  t.right = {0, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  for (const auto* s : sel.branches) {
    const std::string street_name = names.street(*s->branch->street);  // the id where it has none
    std::vector<std::string> row = {std::to_string(s->rank_in_district),
                                    *s->branch->id,
                                    truncate(*s->branch->name, 24),
                                    truncate(shown(lang, "type", *s->branch->type), 24),
                                    truncate(street_name.empty() ? *s->branch->street : street_name, 24),
                                    fixed(s->total, 2) + (s->provisional ? "*" : ""),
                                    shown(lang, "grade", s->grade),
                                    fixed(s->base, 2),
                                    fixed(s->autonomous, 2),
                                    fixed(s->bonus, 2)};
    for (const char* c : kComponents) row.push_back(fixed(s->component(c), 2));
    row.push_back(std::to_string(s->rank_in_type));
    t.rows.push_back(std::move(row));
  }
  std::string out =
      l10n::tr(lang, "render.score.title",
               {{"year", r.year}, {"as_of", i18n::date(r.as_of.str())}, {"weight", fmt::format("{}", r.base_weight)}}) +
      "\n\n";
  out += render_text(t);
  bool provisional = false;
  for (const auto* s : sel.branches) provisional = provisional || s->provisional;
  if (provisional) out += l10n::tr(lang, "render.score.provisional") + "\n";
  if (!sel.unscored.empty()) {
    std::string list;
    for (const auto* u : sel.unscored) {
      if (!list.empty()) list += l10n::tr(lang, "render.score.unscored.separator");
      // The reason as the language says it: `missing-plan`, 本年度无计划.
      const std::string reason = lang == i18n::Lang::En ? u->reason : unscored_reason(lang, u->reason);
      list += l10n::tr(lang, "render.score.unscored.item", {{"id", u->id}, {"reason", reason}});
    }
    out += "\n" + l10n::tr(lang, "render.score.unscored", {{"list", list}}) + "\n";
  }
  out += "\n";
  for (const auto* st : sel.streets)
    out += rollup_line(*st, area_shown(names, Area::Street, st->id, true, lang), true, lang);
  out += rollup_line(r.district, area_shown(names, Area::District, r.district.id, true, lang), false, lang);
  return out;
}

namespace {

// A number rounded as the JSON rounds it, shown with that many decimals; empty when undefined.
Cell decimal(const std::optional<double>& v, int decimals) {
  if (!v) return Cell::empty();
  const double rounded = round_to(*v, decimals);
  return Cell::of_number(rounded, decimals, fixed(rounded, decimals));
}
Cell count(size_t v) {
  return Cell::of_int(static_cast<long long>(v));
}

}  // namespace

Sheet score_sheet(const ScoreSelection& sel, const Names& names, i18n::Lang lang) {
  Sheet sheet;
  sheet.name = l10n::tr(lang, "render.xlsx.sheet.scores");
  for (const char* id : {"render.score.csv.id",
                         "render.score.csv.name",
                         "render.score.csv.type",
                         "render.score.csv.street",
                         "render.score.csv.street-name",
                         "render.score.csv.plan",
                         "render.score.csv.provisional",
                         "render.score.csv.total",
                         "render.score.csv.grade",
                         "render.score.csv.rank-in-district",
                         "render.score.csv.rank-in-type",
                         "render.score.csv.base",
                         "render.score.csv.autonomous",
                         "render.score.csv.bonus",
                         "render.score.csv.plan-level",
                         "render.score.csv.execution",
                         "render.score.csv.effect",
                         "render.score.csv.systems",
                         "render.score.csv.satisfaction",
                         "render.score.csv.quality",
                         "render.score.csv.percentile",
                         "render.score.csv.peers",
                         "render.score.csv.needs-received",
                         "render.score.csv.needs-carried-over",
                         "render.score.csv.needs-declined",
                         "render.score.csv.needs-resolved",
                         "render.score.csv.needs-open",
                         "render.score.csv.needs-overdue",
                         "render.score.csv.resolution-rate",
                         "render.score.csv.on-time-resolution-rate",
                         "render.score.csv.response-on-time-rate",
                         "render.score.csv.feedback-satisfied-rate"})
    sheet.header.push_back(l10n::tr(lang, id));
  for (const auto* s : sel.branches) {
    const auto& n = s->needs;
    std::vector<Cell> row = {Cell::of_text(*s->branch->id),
                             Cell::of_text(*s->branch->name),
                             Cell::of_text(shown(lang, "type", *s->branch->type)),
                             Cell::of_text(*s->branch->street),
                             Cell::of_text(names.street(*s->branch->street)),
                             Cell::of_text(*s->plan->id),
                             Cell::of_text(l10n::tr(lang, s->provisional ? "render.csv.true" : "render.csv.false")),
                             decimal(s->total, 2),
                             Cell::of_text(shown(lang, "grade", s->grade)),
                             count(s->rank_in_district),
                             count(s->rank_in_type),
                             decimal(s->base, 2),
                             decimal(s->autonomous, 2),
                             decimal(s->bonus, 2)};
    for (const char* c : kComponents) row.push_back(decimal(s->component(c), 2));
    row.push_back(decimal(s->quality, 4));
    row.push_back(decimal(s->percentile, 4));
    row.push_back(count(s->peers));
    for (size_t v : {n.received, n.carried_over, n.declined, n.resolved, n.open, n.overdue}) row.push_back(count(v));
    for (const auto* rate :
         {&n.resolution_rate, &n.on_time_resolution_rate, &n.response_on_time_rate, &n.feedback_satisfied_rate})
      row.push_back(decimal(*rate, 4));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

Sheet streets_sheet(const score::Result& r, const ScoreSelection& sel, const Names& names, i18n::Lang lang) {
  Sheet sheet;
  sheet.name = l10n::tr(lang, "render.xlsx.sheet.streets");
  for (const char* id :
       {"render.score.csv.street", "render.score.csv.street-name", "render.xlsx.street.branches",
        "render.xlsx.street.scored", "render.xlsx.street.mean-total", "render.score.csv.needs-received",
        "render.score.csv.needs-carried-over", "render.score.csv.resolution-rate",
        "render.score.csv.on-time-resolution-rate", "render.xlsx.street.platform-adherence"})
    sheet.header.push_back(l10n::tr(lang, id));
  auto add = [&](const score::Rollup& st, std::string name) {
    sheet.rows.push_back({Cell::of_text(st.id), Cell::of_text(std::move(name)), count(st.branches), count(st.scored),
                          decimal(st.mean_total, 2), count(st.needs.received), count(st.needs.carried_over),
                          decimal(st.needs.resolution_rate, 4), decimal(st.needs.on_time_resolution_rate, 4),
                          decimal(st.platform_adherence, 4)});
  };
  for (const auto* st : sel.streets) add(*st, names.street(st->id));
  add(r.district, l10n::tr(lang, "render.xlsx.district"));  // the District's roll-up last
  return sheet;
}

std::string score_csv(const score::Result& /*r*/, const ScoreSelection& sel, const Names& names, i18n::Lang lang,
                      const CsvOptions& options) {
  return render_csv(csv_table(score_sheet(sel, names, lang)), options);
}

}  // namespace svcorg::render
