// Pieces shared by the report scopes (internal to render/).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/markdown.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/report/report.hpp"

namespace svcorg::render::rpt {

// Rows a long table or list shows before "and N more" (all of them with `--detail`).
inline constexpr size_t kCap = 10;

std::string pct(const std::optional<double>& rate);     // `89.7%` or `—`
std::string num2(double v);                              // `87.35`
std::string num2(const std::optional<double>& v);        // `87.35` or `—`
std::string signed2(double v);                           // `+0.33`, `−1.20`, `±0.00`
std::string days(const std::optional<int32_t>& d);       // `12` or `—`
// A need's received date, marked when it was carried over: `2025-03-02 (carried over)`.
std::string received(const ledger::NeedFacts& f, const Labels& l);

// The catalogue message `id` as Markdown: its words escaped, each argument given as
// Markdown already (escaped text, a code span, bold) put in as it is.
std::string say(const Labels& l, const char* id, const std::vector<std::pair<std::string, std::string>>& md_args);
// Items joined with the language's list separator (", " / "、").
std::string join(const std::vector<std::string>& items, const Labels& l);
// The name of a branch, street, platform or owner, escaped.
std::string name(const report::Data& d, const std::string& id);
// "and 12 more" (escaped), after a capped table or list; empty when nothing was left off.
std::string more(size_t shown, size_t total, const Labels& l);
// Whether a table of `total` rows is cut at kCap.
bool capped(size_t total, const ReportOptions& o);
// A short label of a branch type for chart axes.
std::string type_short(const std::string& type, const Labels& l);

// Sections (each ends with a blank line).
std::string header(const report::Data& d, const Labels& l, const std::string& title);
std::string attention(const report::Data& d, const Labels& l);
std::string summary(const report::Data& d, const Labels& l);
std::string ranking(const report::Data& d, const Labels& l);
std::string streets(const report::Data& d, const Labels& l);
std::string ledger(const report::Data& d, const Labels& l, int level, const ReportOptions& o);
std::string platforms(const report::Data& d, const Labels& l, int level, const ReportOptions& o);
std::string secretaries(const report::Data& d, const Labels& l, int level, const ReportOptions& o);
std::string awards(const report::Data& d, const Labels& l, int level);
std::string appendix(const report::Data& d, const Labels& l);

// Branch scope.
std::string report_card(const report::Data& d, const Labels& l, const ReportOptions& o);

}  // namespace svcorg::render::rpt
