#include "svcorg/cmd/report.hpp"

#include <ostream>

#include <fmt/format.h>

#include "svcorg/cmd/score.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/report/report.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

int run_report(const ReportOptions& o, const Io& io) {
  const auto scope = report::parse_scope(o.scope);
  if (!scope) {
    io.err << fmt::format("svcorg: error: --scope {}: write district, street:ID or branch:ID\n", o.scope);
    return kUsage;
  }
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  if (o.output && refuse_outputs_over_inputs({*o.output}, o.common, io)) return kUsage;
  const Checked checked = load_and_check(o.common, *dates, io, Needs::Whole);
  if (int code = refuse_bad_inputs(checked, o.common, io)) return code;

  const auto& districts = checked.records.districts;
  const model::District* district = districts.empty() ? nullptr : &districts.front();
  const score::Model model = score::effective_model(district ? district->scoring.get() : nullptr);
  const score::Result result = score::compute(checked.records, checked.rules, model,
                                              ledger::Window{dates->year, dates->as_of}, threads(o.common));
  std::string error;
  const auto data = report::build({checked.records, checked.rules, model, result}, *scope, error);
  if (!data) {
    io.err << fmt::format("svcorg: error: --scope {}: {}\n", o.scope, error);
    return kUsage;
  }
  const std::string markdown = render::report_markdown(*data, render::Labels(i18n::code(checked.lang)));
  if (int code = emit(o.output, markdown, io)) return code;
  if (o.output && !o.common.quiet) io.err << fmt::format("svcorg: wrote {}\n", *o.output);
  return kOk;
}

}  // namespace svcorg::cmd
