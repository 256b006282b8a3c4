#include "svcorg/render/delta.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/markdown.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/render/table.hpp"

namespace svcorg::render {

namespace {

using score::DeltaRow;
using score::DeltaStatus;

// `▲ +2.10`, `▼ -1.50`, `0.00`; `—` when undefined.
std::string signed_delta(const std::optional<double>& d) {
  if (!d) return "—";
  if (*d > 0) return "▲ +" + fixed(*d, 2);
  if (*d < 0) return "▼ -" + fixed(-*d, 2);
  return fixed(0.0, 2);
}

// `good`, or `fair → good` when it changed (labels in Chinese).
std::string grade_cell(const DeltaRow& r, i18n::Lang lang) {
  auto g = [&](const std::string& grade) { return shown(lang, "grade", grade); };
  if (!r.grade) return r.baseline_grade ? g(*r.baseline_grade) + " → —" : "—";
  if (r.baseline_grade && *r.baseline_grade != *r.grade) return g(*r.baseline_grade) + " → " + g(*r.grade);
  return g(*r.grade);
}

std::string status_text(DeltaStatus s, i18n::Lang lang) {
  switch (s) {
    case DeltaStatus::Changed:
      return l10n::tr(lang, "render.delta.status.changed");
    case DeltaStatus::Unchanged:
      return l10n::tr(lang, "render.delta.status.unchanged");
    case DeltaStatus::New:
      return l10n::tr(lang, "render.delta.status.new");
    case DeltaStatus::Removed:
      return l10n::tr(lang, "render.delta.status.removed");
  }
  return score::status_name(s);
}

// `3`, or `5 → 3 ▲2` when it moved (▲: places gained).
std::string rank_cell(const DeltaRow& r) {
  if (!r.rank) return r.baseline_rank ? fmt::format("{} → —", *r.baseline_rank) : "—";
  if (!r.rank_delta || *r.rank_delta == 0) return std::to_string(*r.rank);
  return fmt::format("{} → {} {}{}", *r.baseline_rank, *r.rank, *r.rank_delta > 0 ? "▲" : "▼",
                     *r.rank_delta > 0 ? *r.rank_delta : -*r.rank_delta);
}

std::string counts(const score::Deltas& d, i18n::Lang lang) {
  std::array<size_t, 4> n{};
  for (const auto& r : d.rows) ++n[static_cast<size_t>(r.status)];
  return l10n::tr(lang, "render.delta.counts",
                  {{"changed", n[0]}, {"unchanged", n[1]}, {"new", n[2]}, {"removed", n[3]}});
}

// Where the baseline comes from and when: the arguments of the title lines.
std::vector<std::pair<std::string, i18n::Arg>> baseline_args(const score::Deltas& d, std::string source,
                                                             std::string baseline_as_of) {
  return {{"year", d.year},
          {"as_of", i18n::date(d.as_of)},
          {"source", std::move(source)},
          {"baseline_year", d.baseline_year},
          {"baseline_as_of", i18n::date(std::move(baseline_as_of))}};
}

template <class T>
nlohmann::ordered_json opt(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string delta_table(const score::Deltas& d, i18n::Lang lang) {
  Table t;
  t.header = headers(
      lang, {"render.delta.col.id", "render.delta.col.name", "render.delta.col.baseline", "render.delta.col.total",
             "render.delta.col.delta", "render.delta.col.grade", "render.delta.col.rank", "render.delta.col.status"});
  t.right = {2, 3, 4};
  for (const auto& r : d.rows)
    t.rows.push_back({r.id, truncate(r.name, 24), fixed(r.baseline_total, 2), fixed(r.total, 2), signed_delta(r.delta),
                      grade_cell(r, lang), rank_cell(r), status_text(r.status, lang)});
  std::string out =
      l10n::tr(lang, "render.delta.title", baseline_args(d, d.baseline_source, d.baseline_as_of)) + "\n\n";
  out += render_text(t);
  out += "\n" + counts(d, lang) + "\n";
  return out;
}

std::string delta_json(const score::Deltas& d) {
  using json = nlohmann::ordered_json;
  json branches = json::array();
  for (const auto& r : d.rows)
    branches.push_back(json{{"id", r.id},
                            {"name", r.name},
                            {"total", opt(r.total)},
                            {"baseline_total", opt(r.baseline_total)},
                            {"delta", opt(r.delta)},
                            {"grade", opt(r.grade)},
                            {"baseline_grade", opt(r.baseline_grade)},
                            {"rank_in_district", opt(r.rank)},
                            {"baseline_rank", opt(r.baseline_rank)},
                            {"rank_delta", opt(r.rank_delta)},
                            {"status", score::status_name(r.status)}});
  json root;
  root["format"] = 1;
  root["year"] = d.year;
  root["as_of"] = d.as_of;
  root["baseline"] = json{{"source", d.baseline_source}, {"year", d.baseline_year}, {"as_of", d.baseline_as_of}};
  root["branches"] = std::move(branches);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string delta_markdown(const score::Deltas& d, i18n::Lang lang) {
  md::Table t;
  t.header = {l10n::tr(lang, "render.delta.md.branch"),
              l10n::tr(lang, "render.delta.md.id"),
              l10n::tr(lang, "render.delta.md.baseline"),
              l10n::tr(lang, "render.delta.md.total"),
              "Δ",
              l10n::tr(lang, "render.delta.md.grade"),
              l10n::tr(lang, "render.delta.md.rank"),
              l10n::tr(lang, "render.delta.md.status")};
  t.right = {2, 3, 4};
  for (const auto& r : d.rows)
    t.rows.push_back({md::escape(r.name), md::escape(r.id), fixed(r.baseline_total, 2), fixed(r.total, 2),
                      signed_delta(r.delta), md::escape(grade_cell(r, lang)), rank_cell(r),
                      md::escape(status_text(r.status, lang))});
  std::string out = md::heading(
      3, md::escape(l10n::tr(lang, "render.delta.md.heading", {{"year", d.year}, {"as_of", i18n::date(d.as_of)}})));
  auto args = baseline_args(d, md::escape(d.baseline_source), md::escape(d.baseline_as_of));
  args.emplace_back("counts", counts(d, lang));
  out += l10n::tr(lang, "render.delta.md.compared", args) + "\n\n";
  out += d.rows.empty() ? l10n::tr(lang, "render.delta.md.none") + "\n" : md::table(t);
  return out;
}

}  // namespace svcorg::render
