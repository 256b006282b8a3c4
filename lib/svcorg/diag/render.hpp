// Findings as text (gcc style) and JSON (SPEC 8). Callers sort first (sort_unique).
#pragma once

#include <string>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"

namespace svcorg::diag {

struct Summary {
  size_t files = 0;
  size_t records = 0;
  size_t errors = 0;    // not waived
  size_t warnings = 0;  // not waived
  size_t waived = 0;    // suppressed by a waiver (of either severity)
};

Summary summarize(const std::vector<Diagnostic>& items, size_t files, size_t records);

// `path:line:col: error: message [rule]`, one line each, waived findings left out; then,
// when some are waived, a `waived:` block with each one's reason and waiver.
std::string render_text(const std::vector<Diagnostic>& items, bool color);
// `svcorg: 12 files, 340 records: 1 error, 2 warnings`
std::string render_summary(const Summary& s, bool color);
std::string render_json(const std::vector<Diagnostic>& items, const Summary& s);

}  // namespace svcorg::diag
