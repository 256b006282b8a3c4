#include "svcorg/cmd/score.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "svcorg/diag/render.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/util/file.hpp"

namespace svcorg::cmd {

int refuse_bad_inputs(const Checked& checked, const Common& c, const Io& io) {
  for (const auto& f : checked.fatal) io.err << "svcorg: error: " << f << "\n";
  if (!checked.fatal.empty()) return kUsage;
  const auto summary = diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  if (summary.errors == 0) return kOk;
  std::vector<diag::Diagnostic> errors;
  for (const auto& d : checked.findings)
    if (d.severity == diag::Severity::Error) errors.push_back(d);
  io.err << diag::render_text(errors, false);
  if (!c.quiet) io.err << diag::render_summary(summary, false);
  io.err << "svcorg: error: the inputs have errors; fix them (svcorg validate) before scoring\n";
  return kFindings;
}

int emit(const std::optional<std::string>& output, const std::string& content, const Io& io) {
  if (!output || *output == "-") {
    io.out << content;
    return kOk;
  }
  if (const std::string err = util::write_atomically(*output, content); !err.empty()) {
    io.err << "svcorg: error: " << err << "\n";
    return kUsage;
  }
  return kOk;
}

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
