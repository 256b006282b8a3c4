#include "svcorg/cmd/report.hpp"

#include <ostream>

#include "svcorg/cmd/score.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/render/report_html.hpp"
#include "svcorg/report/report.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats = {"markdown", "html"};
  return formats;
}

int run_report(const ReportOptions& o, const Io& io) {
  const auto scope = report::parse_scope(o.scope);
  if (!scope) {
    error(io, early_lang(o.common), i18n::Message("cmd.scope.bad", {{"value", o.scope}}));
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
  const score::Result result = score::compute(checked.records, checked.rules, model, *dates, threads(o.common));
  // A street or branch given by its name (street:南京西路街道) is the one with that name;
  // one the records do not have is refused as --street and --branch refuse it.
  report::Scope within = *scope;
  if (within.kind != report::ScopeKind::District) {
    const KnownIds known = known_ids(checked.records);
    const bool street = within.kind == report::ScopeKind::Street;
    std::optional<std::string> id = within.id;
    if (!known_id("--scope", street ? "cmd.no-such.street" : "cmd.no-such.branch", id,
                  street ? known.streets : known.branches, io, checked.lang))
      return kUsage;
    within.id = *id;
  }
  const util::Result<report::Data> data = report::build({checked.records, checked.rules, model, result}, within);
  if (!data) {
    error(io, checked.lang, i18n::Message("cmd.scope.failed", {{"value", o.scope}, {"why", data.error()}}));
    return kUsage;
  }
  const render::Labels labels(checked.lang);
  const render::ReportOptions options{o.detail, o.brief};
  const std::string text = o.format == "html" ? render::report_html(*data, labels, options)
                                              : render::report_markdown(*data, labels, options);
  if (int code = emit(o.output, text, io, checked.lang)) return code;
  if (o.output && !o.common.quiet) say(io.err, checked.lang, i18n::Message("cmd.wrote", {{"file", *o.output}}));
  return kOk;
}

}  // namespace svcorg::cmd
