// GitLab Code Quality (a subset of the Code Climate spec): the fields GitLab documents as
// required, nothing else.
#include <nlohmann/json.hpp>

#include "svcorg/diag/fingerprint.hpp"
#include "svcorg/diag/formats.hpp"
#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::diag {

namespace {

using json = nlohmann::ordered_json;

json issue(const std::string& description, const std::string& check, const Fingerprint& print, const char* severity,
           const std::string& path, uint32_t line) {
  return json{
      {"description", description},
      {"check_name", check},
      {"fingerprint", print.hash128()},
      {"severity", severity},
      {"location", {{"path", path}, {"lines", {{"begin", line}}}}},
  };
}

}  // namespace

std::string render_gitlab(const std::vector<Diagnostic>& items, const Report& report) {
  json out = json::array();
  // A run that did not complete is a blocker, never an empty (clean) report; it points at
  // the file concerned where svcorg knows it, else at the repository's root folder.
  std::vector<Diagnostic> failures;
  for (const auto& f : report.failures) {
    Diagnostic d;
    d.file = f.file;
    d.rule = kRunFailed;
    d.message = i18n::Message("diag.failure", {{"why", f.message}});  // failure_text, as a value
    failures.push_back(std::move(d));
  }
  const std::vector<Fingerprint> failure_prints = fingerprints(failures);
  for (size_t i = 0; i < failures.size(); ++i) {
    const std::string& file = failures[i].file;
    out.push_back(issue(l10n::render(failures[i].message, report.lang), kRunFailed, failure_prints[i], "blocker",
                        file.empty() ? "." : rebase(file, report.base).path, 1));
  }
  const std::vector<Fingerprint> prints = fingerprints(items, report.base);
  for (size_t i = 0; i < items.size(); ++i) {
    const Diagnostic& d = items[i];
    // GitLab's levels: info, minor, major, critical, blocker.
    out.push_back(issue(l10n::render(d.message, report.lang), d.rule, prints[i],
                        d.severity == Severity::Error ? "major" : "minor", rebase(d.file, report.base).path,
                        d.pos.known() ? d.pos.line : 1u));
  }
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace svcorg::diag
