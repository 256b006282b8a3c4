// Every rule id svcorg reports (SPEC 4.2), with its severity and what it checks: for
// SARIF's rule list, `svcorg rules`-style docs and tests that every rule is covered.
#pragma once

#include <string>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/i18n/message.hpp"

namespace svcorg::diag {

struct RuleInfo {
  const char* id;
  Severity severity;
};

// One sentence: what the rule checks (message `rule.<id>.summary`).
std::string rule_summary(const RuleInfo& rule, i18n::Lang lang);

// In SPEC 4.2 order, then the rules svcorg adds.
const std::vector<RuleInfo>& catalogue();
const RuleInfo* find_rule(const std::string& id);

}  // namespace svcorg::diag
