// Waivers: a finding suppressed on purpose, with a reason someone answers for.
// Inline, `# svcorg-ignore RULE[,RULE…] reason="…" until=YYYY-MM-DD` on the finding's
// line or the line before; or in the District, `waivers: [{record, kind?, rule, reason,
// until?}]`. Waived findings are kept and reported apart, never dropped; an expired
// waiver, a malformed one and one that matches nothing are findings themselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::waive {

struct Waiver {
  bool inline_comment = true;
  std::string file;  // where the waiver is written
  Pos pos;
  std::vector<std::string> rules;
  std::string reason;
  std::optional<util::Date> until;
  // Inline: the lines it covers (its own and the next). District: the record it names.
  uint32_t line = 0;
  std::string record, kind;
  bool used = false;
};

// The rules no waiver may suppress: the file itself is broken.
bool waivable(const std::string& rule);

// `# svcorg-ignore` comments of one file. Malformed ones become `waiver` errors in
// `problems` and are not returned.
std::vector<Waiver> scan_inline(const std::string& file, std::string_view bytes,
                                std::vector<diag::Diagnostic>& problems);

// The District's `waivers:` entries (shape checked by the converter); an unknown or
// unwaivable rule becomes a `waiver` error in `problems`.
std::vector<Waiver> from_district(const model::RecordSet& records, std::vector<diag::Diagnostic>& problems);

// Marks the findings that a live waiver covers as waived (they stay in `findings`), and
// adds `waiver-expired` and `waiver-unused` findings. Expired waivers suppress nothing.
void apply(std::vector<diag::Diagnostic>& findings, std::vector<Waiver>& waivers, util::Date as_of);

}  // namespace svcorg::waive
