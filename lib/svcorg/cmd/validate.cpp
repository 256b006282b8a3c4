#include "svcorg/cmd/validate.hpp"

#include <algorithm>
#include <ostream>

#include "svcorg/diag/render.hpp"

namespace svcorg::cmd {

int run_validate(const ValidateOptions& o, const Io& io) {
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  Checked checked = load_and_check(o.common, *dates, io);
  for (const auto& f : checked.fatal) io.err << "svcorg: error: " << f << "\n";

  const diag::Summary summary =
      diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  if (o.format == "json") {
    io.out << diag::render_json(checked.findings, summary);
  } else {
    const bool color = use_color(o.common.color, io);
    std::vector<diag::Diagnostic> shown = checked.findings;
    if (o.common.quiet)
      shown.erase(std::remove_if(shown.begin(), shown.end(),
                                 [](const diag::Diagnostic& d) { return d.severity != diag::Severity::Error; }),
                  shown.end());
    io.out << diag::render_text(shown, color);
    if (!o.common.quiet) io.out << diag::render_summary(summary, color);
  }
  if (!checked.fatal.empty()) return kUsage;
  if (summary.errors > 0 || (o.common.strict && summary.warnings > 0)) return kFindings;
  return kOk;
}

}  // namespace svcorg::cmd
