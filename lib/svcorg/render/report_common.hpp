// Pieces shared by the report scopes (internal to render/).
#pragma once

#include <optional>
#include <string>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/markdown.hpp"
#include "svcorg/report/report.hpp"

namespace svcorg::render::rpt {

std::string pct(const std::optional<double>& rate);     // `89.7%` or `—`
std::string num2(double v);                              // `87.35`
std::string num2(const std::optional<double>& v);        // `87.35` or `—`
std::string days(const std::optional<int32_t>& d);       // `12` or `—`
// A need's received date, marked when it was carried over: `2025-03-02 (carried over)`.
std::string received(const ledger::NeedFacts& f, const Labels& l);

// Sections (each ends with a blank line).
std::string header(const report::Data& d, const Labels& l, const std::string& title);
std::string ranking(const report::Data& d, const Labels& l);
std::string streets(const report::Data& d, const Labels& l);
std::string ledger(const report::Data& d, const Labels& l, int level);
std::string platforms(const report::Data& d, const Labels& l, int level);
std::string secretaries(const report::Data& d, const Labels& l, int level);
std::string awards(const report::Data& d, const Labels& l, int level);
std::string appendix(const report::Data& d, const Labels& l);

// Branch scope.
std::string report_card(const report::Data& d, const Labels& l);

}  // namespace svcorg::render::rpt
