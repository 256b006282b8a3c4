#include "svcorg/cmd/export.hpp"

#include <ostream>

#include "svcorg/diag/render.hpp"
#include "svcorg/export/write.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::cmd {

int run_export(const ExportOptions& o, const Io& io) {
  const i18n::Lang early = early_lang(o.common);
  const auto target = dbexport::parse_target(o.to);
  if (!target) {
    error(io, early, i18n::Message("cmd.export.to", {{"value", o.to}}));
    return kUsage;
  }
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  if (target->kind == dbexport::Target::Kind::Sqlite && refuse_outputs_over_inputs({target->where}, o.common, io))
    return kUsage;
  // Inputs are refused as `score` refuses them: the same findings, messages and exit code.
  const Checked checked = load_and_check(o.common, *dates, io, Needs::Whole);
  if (int code = refuse_bad_inputs(checked, o.common, io)) return code;

  const ledger::Window& window = *dates;
  const yaml::Node* overrides =
      checked.records.districts.empty() ? nullptr : checked.records.districts.front().scoring.get();
  const score::Result scores =
      score::compute(checked.records, checked.rules, score::effective_model(overrides), window, threads(o.common));
  if (!o.common.quiet) io.err << diag::render_text(scores.warnings, false, checked.lang);
  std::vector<diag::Diagnostic> findings = checked.findings;
  findings.insert(findings.end(), scores.warnings.begin(), scores.warnings.end());
  diag::sort_unique(findings);
  const ledger::Listing ledger = ledger::list_needs(checked.records, checked.rules, window, {});

  const dbexport::Source source{checked.records, checked.rules, scores, ledger, findings};
  const dbexport::Outcome outcome = dbexport::write(source, *target);
  if (!outcome) {
    error(io, checked.lang, outcome.error());
    return kUsage;
  }
  if (o.common.quiet) return kOk;
  std::vector<std::pair<std::string, i18n::Arg>> args = {{"rows", *outcome},
                                                         {"tables", dbexport::tables().size()},
                                                         {"year", window.year},
                                                         {"as_of", i18n::date(window.as_of.str())}};
  if (target->kind == dbexport::Target::Kind::Sqlite) {
    args.emplace_back("file", target->where);
    say(io.err, checked.lang, i18n::Message("cmd.export.done.sqlite", std::move(args)));
  } else {
    say(io.err, checked.lang, i18n::Message("cmd.export.done.postgres", std::move(args)));
  }
  return kOk;
}

}  // namespace svcorg::cmd
