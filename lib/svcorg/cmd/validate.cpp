#include "svcorg/cmd/validate.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "svcorg/cmd/since.hpp"
#include "svcorg/diag/formats.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/util/file.hpp"
#include "svcorg/util/text.hpp"

namespace svcorg::cmd {

namespace {

struct Output {
  std::string spec;  // as given, for messages
  std::string format, file;
};

bool known_format(const std::string& format, const char* option, const std::string& given, const Io& io) {
  const auto& all = validate_formats();
  if (std::find(all.begin(), all.end(), format) != all.end()) return true;
  const auto near = util::closest(format, all);
  io.err << fmt::format("svcorg: error: {} `{}`: unknown format `{}`{} (formats: {})\n", option, given, format,
                        near ? fmt::format("; did you mean `{}`?", *near) : std::string(), util::quoted_list(all));
  return false;
}

// `--output FORMAT=FILE` values, checked before any work is done.
std::optional<std::vector<Output>> parse_outputs(const std::vector<std::string>& specs, const Io& io) {
  std::vector<Output> out;
  for (const auto& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      io.err << fmt::format("svcorg: error: --output `{}`: write FORMAT=FILE, e.g. sarif=svcorg.sarif\n", spec);
      return std::nullopt;
    }
    Output o{spec, spec.substr(0, eq), spec.substr(eq + 1)};
    if (!known_format(o.format, "--output", spec, io)) return std::nullopt;
    if (o.file == "-") {
      io.err << fmt::format("svcorg: error: --output `{}`: use --format for standard output\n", spec);
      return std::nullopt;
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<diag::Diagnostic> errors_only(std::vector<diag::Diagnostic> items) {
  items.erase(std::remove_if(items.begin(), items.end(),
                             [](const diag::Diagnostic& d) { return d.severity != diag::Severity::Error; }),
              items.end());
  return items;
}

// JUnit, GitHub and GitLab have no notion of a suppressed finding: waived ones are left
// out (SARIF carries them with `suppressions`, text and JSON list them apart).
std::vector<diag::Diagnostic> unwaived(std::vector<diag::Diagnostic> items) {
  items.erase(std::remove_if(items.begin(), items.end(), [](const diag::Diagnostic& d) { return d.waived; }),
              items.end());
  return items;
}

}  // namespace

const std::vector<std::string>& validate_formats() {
  static const std::vector<std::string> formats = {"text", "json", "sarif", "junit", "github", "gitlab"};
  return formats;
}

std::string render_validate(const std::string& format, const Checked& checked, bool color, bool quiet) {
  const auto& all = checked.findings;
  const diag::Summary summary = diag::summarize(all, checked.records.files.size(), checked.records.record_count());
  if (format == "json") return diag::render_json(all, summary);
  if (format == "sarif") return diag::render_sarif(all, summary, SVCORG_VERSION);
  if (format == "junit") return diag::render_junit(unwaived(all), summary, checked.records.files);
  if (format == "gitlab") return diag::render_gitlab(unwaived(all));
  if (format == "github")
    return diag::render_github(quiet ? errors_only(unwaived(all)) : unwaived(all), summary, !quiet);
  std::string out = diag::render_text(quiet ? errors_only(all) : all, color);
  if (!quiet) out += diag::render_summary(summary, color);
  return out;
}

int run_validate(const ValidateOptions& o, const Io& io) {
  if (!known_format(o.format, "--format", o.format, io)) return kUsage;
  const auto outputs = parse_outputs(o.outputs, io);
  if (!outputs) return kUsage;
  const auto dates = checked_dates(o.common, io);
  if (!dates) return kUsage;
  std::vector<std::string> files;
  for (const auto& out : *outputs) files.push_back(out.file);
  if (refuse_outputs_over_inputs(files, o.common, io)) return kUsage;
  Checked checked = load_and_check(o.common, *dates, io, Needs::Cores, {}, Inputs::InRepository);
  if (narrow_findings(o.since, o.common, checked, io) != kOk) return kUsage;
  for (const auto& f : checked.fatal) io.err << "svcorg: error: " << f << "\n";

  io.out << render_validate(o.format, checked, use_color(o.common.color, io), o.common.quiet);
  bool written = true;
  for (const auto& out : *outputs) {
    const std::string content = render_validate(out.format, checked, false, o.common.quiet);
    if (const std::string err = util::write_atomically(out.file, content); !err.empty()) {
      io.err << fmt::format("svcorg: error: --output {}: {}\n", out.spec, err);
      written = false;
    }
  }

  const diag::Summary summary =
      diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  if (!checked.fatal.empty() || !written) return kUsage;
  if (summary.errors > 0 || (o.common.strict && summary.warnings > 0)) return kFindings;
  return kOk;
}

}  // namespace svcorg::cmd
