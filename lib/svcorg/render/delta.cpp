#include "svcorg/render/delta.hpp"

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

// `good`, or `fair → good` when it changed.
std::string grade_cell(const DeltaRow& r) {
  if (!r.grade) return r.baseline_grade ? *r.baseline_grade + " → —" : "—";
  if (r.baseline_grade && *r.baseline_grade != *r.grade) return *r.baseline_grade + " → " + *r.grade;
  return *r.grade;
}

// `3`, or `5 → 3 ▲2` when it moved (▲: places gained).
std::string rank_cell(const DeltaRow& r) {
  if (!r.rank) return r.baseline_rank ? fmt::format("{} → —", *r.baseline_rank) : "—";
  if (!r.rank_delta || *r.rank_delta == 0) return std::to_string(*r.rank);
  return fmt::format("{} → {} {}{}", *r.baseline_rank, *r.rank, *r.rank_delta > 0 ? "▲" : "▼",
                     *r.rank_delta > 0 ? *r.rank_delta : -*r.rank_delta);
}

std::string counts(const score::Deltas& d) {
  std::array<size_t, 4> n{};
  for (const auto& r : d.rows) ++n[static_cast<size_t>(r.status)];
  return fmt::format("{} changed, {} unchanged, {} new, {} removed", n[0], n[1], n[2], n[3]);
}

template <class T>
nlohmann::ordered_json opt(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string delta_table(const score::Deltas& d) {
  Table t;
  t.header = {"id", "name", "baseline", "total", "delta", "grade", "rank", "status"};
  t.right = {2, 3, 4};
  for (const auto& r : d.rows)
    t.rows.push_back({r.id, truncate(r.name, 24), fixed(r.baseline_total, 2), fixed(r.total, 2), signed_delta(r.delta),
                      grade_cell(r), rank_cell(r), score::status_name(r.status)});
  std::string out = fmt::format("svcorg score {} as of {} compared with {} ({} as of {})\n\n", d.year, d.as_of,
                                d.baseline_source, d.baseline_year, d.baseline_as_of);
  out += render_text(t);
  out += "\n" + counts(d) + "\n";
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

std::string delta_markdown(const score::Deltas& d) {
  md::Table t;
  t.header = {"Branch", "Id", "Baseline", "Total", "Δ", "Grade", "Rank", "Status"};
  t.right = {2, 3, 4};
  for (const auto& r : d.rows)
    t.rows.push_back({md::escape(r.name), md::escape(r.id), fixed(r.baseline_total, 2), fixed(r.total, 2),
                      signed_delta(r.delta), md::escape(grade_cell(r)), rank_cell(r), score::status_name(r.status)});
  std::string out = md::heading(3, md::escape(fmt::format("Score changes: {} as of {}", d.year, d.as_of)));
  out += fmt::format("Compared with {} ({} as of {}): {}.\n\n", md::escape(d.baseline_source), d.baseline_year,
                     md::escape(d.baseline_as_of), counts(d));
  out += d.rows.empty() ? std::string("No scored branch to compare.\n") : md::table(t);
  return out;
}

}  // namespace svcorg::render
