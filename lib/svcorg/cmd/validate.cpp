#include "svcorg/cmd/validate.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

#include "svcorg/cmd/since.hpp"
#include "svcorg/diag/formats.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/load/discover.hpp"
#include "svcorg/util/file.hpp"

namespace svcorg::cmd {

namespace {

struct Output {
  std::string spec;  // as given, for messages
  std::string format, file;
};

bool known_format(const std::string& format, const char* option, const std::string& given, const Io& io,
                  i18n::Lang lang) {
  const auto& all = validate_formats();
  if (std::find(all.begin(), all.end(), format) != all.end()) return true;
  error(io, lang,
        i18n::Message("cmd.format.unknown", {{"option", option},
                                             {"given", given},
                                             {"format", format},
                                             {"hint", did_you_mean(format, all)},
                                             {"formats", i18n::codes(all, true)}}));
  return false;
}

// `--output FORMAT=FILE` values, checked before any work is done.
std::optional<std::vector<Output>> parse_outputs(const std::vector<std::string>& specs, const Io& io, i18n::Lang lang) {
  std::vector<Output> out;
  for (const auto& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      error(io, lang, i18n::Message("cmd.output.spec", {{"spec", spec}}));
      return std::nullopt;
    }
    Output o{spec, spec.substr(0, eq), spec.substr(eq + 1)};
    if (!known_format(o.format, "--output", spec, io, lang)) return std::nullopt;
    if (o.file == "-") {
      error(io, lang, i18n::Message("cmd.output.stdout", {{"spec", spec}}));
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

// Writes each report of `outputs` (atomically). A write that fails is a failure of the run
// (a message on io.err and in `report`); the reports already written then get the failed
// run's report in their turn, so none is left claiming a run that completed.
void write_outputs(const std::vector<Output>& outputs, const std::vector<bool>& skip, const Checked& checked,
                   bool quiet, diag::Report& report, const Io& io) {
  // The message of a failed write (nullopt: written).
  const auto write = [&](const Output& out) -> std::optional<i18n::Message> {
    const util::Result<void> written =
        util::write_file(out.file, render_validate(out.format, checked, false, quiet, report));
    if (written) return std::nullopt;
    i18n::Message message("cmd.output.failed", {{"spec", out.spec}, {"why", written.error()}});
    error(io, report.lang, message);
    return message;
  };
  std::vector<bool> written(outputs.size(), false);
  const size_t before = report.failures.size();
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (skip[i]) continue;
    if (auto message = write(outputs[i]))
      report.failures.push_back({outputs[i].file, std::move(*message)});
    else
      written[i] = true;
  }
  if (report.failures.size() == before) return;
  for (size_t i = 0; i < outputs.size(); ++i)
    if (written[i]) write(outputs[i]);  // a second failure is reported, not written again
}

// The failures of a run that stopped on `errors` (the errors it wrote, as messages).
std::vector<diag::Failure> failures_of(const std::vector<i18n::Message>& errors) {
  std::vector<diag::Failure> out;
  for (const auto& e : errors) out.push_back({"", e});
  return out;
}

}  // namespace

const std::vector<std::string>& validate_formats() {
  static const std::vector<std::string> formats = {"text", "json", "sarif", "junit", "github", "gitlab"};
  return formats;
}

std::string render_validate(const std::string& format, const Checked& checked, bool color, bool quiet,
                            const diag::Report& report, bool failures_on_stderr) {
  const auto& all = checked.findings;
  diag::Summary summary = diag::summarize(all, checked.records.files.size(), checked.records.record_count());
  summary.failures = report.failures.size();
  if (format == "json") return diag::render_json(all, summary, report.lang, report.failures);
  if (format == "sarif") return diag::render_sarif(all, summary, SVCORG_VERSION, report);
  if (format == "junit") return diag::render_junit(unwaived(all), summary, checked.records.files, report);
  if (format == "gitlab") return diag::render_gitlab(unwaived(all), report);
  if (format == "github")
    return diag::render_github(quiet ? errors_only(unwaived(all)) : unwaived(all), summary, report.lang, !quiet,
                               report.failures);
  std::string out = diag::render_text(quiet ? errors_only(all) : all, color, report.lang);
  if (!failures_on_stderr)
    for (const auto& f : report.failures)
      out += l10n::render(i18n::Message("cmd.error", {{"message", f.message}}), report.lang) + "\n";
  if (!quiet) out += diag::render_summary(summary, color, report.lang);
  return out;
}

diag::PathBase path_base(const std::vector<std::string>& paths) {
  diag::PathBase base;
  std::error_code ec;
  base.cwd = std::filesystem::current_path(ec).lexically_normal().generic_string();
  while (base.cwd.size() > 1 && base.cwd.back() == '/') base.cwd.pop_back();
  std::vector<std::string> folders;
  for (const auto& p : paths) {
    const std::string shown = load::display_path(p);
    if (shown.front() != '/' || shown == base.cwd || !diag::rebase(shown, {base.cwd, ""}).absolute) continue;
    const bool folder_given = std::filesystem::is_directory(p, ec);
    std::string folder =
        folder_given ? shown : load::display_path(std::filesystem::path(shown).parent_path().generic_string());
    if (folder.back() != '/') folder += '/';
    folders.push_back(std::move(folder));
  }
  base.root = diag::common_folder(folders);
  // Consumers place paths in the repository: the git work tree that holds the inputs (the
  // nearest folder with a `.git` entry), when there is one, is the better root.
  for (std::string up = base.root; up.size() > 1; up.erase(up.rfind('/', up.size() - 2) + 1))
    if (std::filesystem::exists(up + ".git", ec)) {
      base.root = up;
      break;
    }
  return base;
}

int run_validate(const ValidateOptions& o, const Io& io) {
  const auto outputs = parse_outputs(o.outputs, io, early_lang(o.common));
  if (!outputs) return kUsage;
  // From here on the -o files are known, and each gets this run's report even when the run
  // cannot complete (SPEC 8, rev 2): never a clean report an earlier run left there. The
  // checks of the command line write to `refusals`; the errors among them, kept as
  // messages, become the failures.
  std::ostringstream refusals;
  std::vector<i18n::Message> errors;
  Io checking{io.out, refusals, io.in, io.out_is_tty, io.no_color_env, io.today};
  checking.errors = &errors;
  std::vector<bool> over_input(outputs->size(), false);
  for (size_t i = 0; i < outputs->size(); ++i)
    over_input[i] = refuse_outputs_over_inputs({(*outputs)[i].file}, o.common, checking) != kOk;
  const bool format_known = known_format(o.format, "--format", o.format, checking, early_lang(o.common));
  const auto dates = checked_dates(o.common, checking);
  const auto refuse = [&](const Checked& checked, i18n::Lang lang) {
    io.err << refusals.str();
    diag::Report report{failures_of(errors), path_base(o.common.paths), lang};
    write_outputs(*outputs, over_input, checked, o.common.quiet, report, io);
    return kUsage;
  };
  if (!format_known || !dates || std::find(over_input.begin(), over_input.end(), true) != over_input.end())
    return refuse(Checked{}, early_lang(o.common));

  Checked checked = load_and_check(o.common, *dates, io, Needs::Cores, Inputs::InRepository);
  if (narrow_findings(o.since, o.common, checked, checking) != kOk) return refuse(Checked{}, checked.lang);
  io.err << refusals.str();  // notes of --since

  diag::Report report{{}, path_base(o.common.paths), checked.lang};
  for (const auto& f : checked.fatal) {
    error(io, checked.lang, f);
    report.failures.push_back({"", f});
  }
  write_outputs(*outputs, over_input, checked, o.common.quiet, report, io);
  io.out << render_validate(o.format, checked, use_color(o.common.color, io), o.common.quiet, report, true);

  const diag::Summary summary =
      diag::summarize(checked.findings, checked.records.files.size(), checked.records.record_count());
  if (!report.failures.empty()) return kUsage;
  if (summary.errors > 0 || (o.common.strict && summary.warnings > 0)) return kFindings;
  return kOk;
}

}  // namespace svcorg::cmd
