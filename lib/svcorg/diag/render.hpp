// Findings as text (gcc style) and JSON (SPEC 8). Callers sort first (sort_unique).
#pragma once

#include <string>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/i18n/message.hpp"

namespace svcorg::diag {

struct Summary {
  size_t files = 0;
  size_t records = 0;
  size_t errors = 0;    // not waived
  size_t warnings = 0;  // not waived
  size_t waived = 0;    // suppressed by a waiver (of either severity)
  size_t failures = 0;  // why the run did not complete (Failure); the summary counts them as errors
};

Summary summarize(const std::vector<Diagnostic>& items, size_t files, size_t records);

// Why a run did not complete (exit 2): an input that cannot be read, a report that cannot
// be written, a command line that cannot be acted on. A report of such a run never claims
// a clean result (SPEC 8, rev 2): every format names its failures (docs/FORMAT.md).
struct Failure {
  std::string file;       // the file concerned where svcorg knows it (an --output file), else ""
  i18n::Message message;  // what went wrong and what to do, as on standard error
};

// The id a failure carries where a format wants one (JSON `rule`, GitLab `check_name`,
// JUnit `type`); not a validation rule, so not in the catalogue.
inline constexpr const char* kRunFailed = "run-failed";

// Where the paths of a report are written relative to, for the formats that link files
// (SARIF URIs, JUnit `file`, GitLab `path`): a relative path stays as it is (relative to
// the directory svcorg ran in, SARIF's %SRCROOT%); so does an absolute path under `cwd`,
// made relative to it; any other absolute path is made relative to `root` (SARIF's
// %INPUTROOT%), a folder that holds every input given as such a path.
struct PathBase {
  std::string cwd;   // absolute, no trailing `/` ("" : none)
  std::string root;  // absolute, ending in `/` ("" : none)
};

// The path of `path` (a display path) relative to its base, and whether that base is
// `root` (else the directory svcorg ran in). An absolute path outside both stays absolute.
struct BasedPath {
  std::string path;
  bool under_root = false;
  bool absolute = false;  // neither base holds it
};
BasedPath rebase(const std::string& path, const PathBase& base);

// The deepest folder (ending in `/`) holding every one of `folders` (absolute, each
// ending in `/`); "" when there are none.
std::string common_folder(const std::vector<std::string>& folders);

// A failure as the CI formats and JSON show it: what went wrong and what to do.
std::string failure_text(const Failure& f, i18n::Lang lang);

// What a report says besides the findings.
struct Report {
  std::vector<Failure> failures;
  PathBase base;
  i18n::Lang lang = i18n::Lang::En;  // of every text a person reads
};

// The severity as the text formats name it ("error", "错误").
std::string severity_word(Severity s, i18n::Lang lang);
// "3 files" / "3个文件": `n` and the noun of message `diag.count.<noun>.one|other`.
std::string count(size_t n, const char* noun, i18n::Lang lang);

// `path:line:col: error: message [rule]`, one line each, waived findings left out; then,
// when some are waived, a `waived:` block with each one's reason and waiver.
std::string render_text(const std::vector<Diagnostic>& items, bool color, i18n::Lang lang);
// `svcorg: 12 files, 340 records: 1 error, 2 warnings`; with failures, they count as errors
// and `; the run did not complete` follows.
std::string render_summary(const Summary& s, bool color, i18n::Lang lang);
// SPEC 8's shape; failures come first in `diagnostics` (rule `run-failed`; `file` null unless
// known, `line` and `column` null) and count in `errors`.
std::string render_json(const std::vector<Diagnostic>& items, const Summary& s, i18n::Lang lang,
                        const std::vector<Failure>& failures = {});

}  // namespace svcorg::diag
