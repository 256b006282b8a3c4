// Findings in the formats CI systems read (docs/FORMAT.md, "Output formats"). Each takes
// the findings sorted by sort_unique and returns the whole document; none holds a clock
// time, so the same inputs give the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/diag/render.hpp"

namespace svcorg::diag {

// SARIF 2.1.0, one run, for code scanning (GitHub, Azure DevOps, IDE viewers). With
// failures, `executionSuccessful` is false and each is a `toolExecutionNotifications` entry.
std::string render_sarif(const std::vector<Diagnostic>& items, const Summary& s, std::string_view version,
                         const Report& report = {});

// JUnit XML: one test case per input file in `files` (display paths), failed by its errors;
// with failures, a first test case `svcorg validate` in error.
std::string render_junit(const std::vector<Diagnostic>& items, const Summary& s, const std::vector<std::string>& files,
                         const Report& report = {});

// GitHub Actions workflow commands (`::error file=…::message`; a failure is `::error::`),
// then (unless told not to) the summary line as plain text.
std::string render_github(const std::vector<Diagnostic>& items, const Summary& s, i18n::Lang lang,
                          bool with_summary = true, const std::vector<Failure>& failures = {});

// GitLab Code Quality: a JSON array of issues; a failure is a `blocker` issue.
std::string render_gitlab(const std::vector<Diagnostic>& items, const Report& report = {});

// A display path as a relative URI reference: unreserved characters and `/` kept,
// every other byte percent-encoded (`a b/é.yaml` → `a%20b/%C3%A9.yaml`).
std::string uri_reference(std::string_view path);

}  // namespace svcorg::diag
