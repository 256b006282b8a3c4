#include "svcorg/cmd/score.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "svcorg/diag/render.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

namespace {

render::ScoreSelection select(const score::Result& r, const ScoreOptions& o, const model::RecordSet& rs) {
  auto keep_branch = [&](const std::string& id) {
    if (o.branch && id != *o.branch) return false;
    const auto b = std::find_if(rs.branches.begin(), rs.branches.end(), [&](const auto& x) { return x.id.v == id; });
    if (b == rs.branches.end()) return false;
    if (o.type && b->type.v != *o.type) return false;
    if (o.street && b->street.v != *o.street) return false;
    return true;
  };
  render::ScoreSelection sel;
  for (const auto& s : r.branches)
    if (keep_branch(*s.branch->id)) sel.branches.push_back(&s);
  for (const auto& u : r.unscored)
    if (keep_branch(u.id)) sel.unscored.push_back(&u);
  for (const auto& st : r.streets)
    if (!o.street || st.id == *o.street) sel.streets.push_back(&st);
  return sel;
}

int explain(const score::Result& r, const score::Model& m, const ScoreOptions& o, const Io& io) {
  for (const auto& s : r.branches)
    if (*s.branch->id == *o.explain) return emit(o.output, render::score_explain(r, s, m), io);
  for (const auto& u : r.unscored)
    if (u.id == *o.explain) {
      io.err << fmt::format("svcorg: error: {} is not scored for {} ({})\n", u.id, r.year, u.reason);
      return kUsage;
    }
  io.err << fmt::format("svcorg: error: --explain {}: no such branch\n", *o.explain);
  return kUsage;
}

int check_usage(const ScoreOptions& o, const Io& io) {
  const auto& types = model::vocab::kBranchTypes;
  if (o.type && std::find(types.begin(), types.end(), *o.type) == types.end()) {
    io.err << fmt::format("svcorg: error: --type {} is not a branch type; use one of {}\n", *o.type,
                          fmt::join(types, ", "));
    return kUsage;
  }
  return kOk;
}

}  // namespace

int run_score(const ScoreOptions& o, const Io& io) {
  if (int code = check_usage(o, io)) return code;
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  const Checked checked = load_and_check(o.common, *dates, io);
  if (int code = refuse_bad_inputs(checked, o.common, io)) return code;

  const auto& districts = checked.records.districts;
  const yaml::Node* overrides = districts.empty() ? nullptr : districts.front().scoring.get();
  const score::Model model = score::effective_model(overrides);
  const score::Result result =
      score::compute(checked.records, checked.rules, model, ledger::Window{dates->year, dates->as_of});
  if (!o.common.quiet) io.err << diag::render_text(result.warnings, false);

  if (o.explain) return explain(result, model, o, io);
  const render::ScoreSelection sel = select(result, o, checked.records);
  std::string content;
  if (o.format == "json") content = render::score_json(result, sel);
  else if (o.format == "csv") content = render::score_csv(result, sel);
  else content = render::score_table(result, sel);
  if (int code = emit(o.output, content, io)) return code;
  if (o.common.strict && !result.warnings.empty()) return kFindings;  // no-needs, no-survey, missing-plan

  if (o.fail_under) {
    std::vector<std::string> below;
    for (const auto* s : sel.branches)
      if (s->total < *o.fail_under) below.push_back(fmt::format("{} ({})", *s->branch->id, render::fixed(s->total, 2)));
    if (!below.empty()) {
      io.err << fmt::format("svcorg: {} scored under {}: {}\n", below.size() == 1 ? "1 branch" :
                            fmt::format("{} branches", below.size()), *o.fail_under, fmt::join(below, ", "));
      return kFindings;
    }
  }
  return kOk;
}

}  // namespace svcorg::cmd
