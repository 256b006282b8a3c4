#include "svcorg/diag/catalogue.hpp"

#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::diag {

const std::vector<RuleInfo>& catalogue() {
  static const std::vector<RuleInfo> rules = {
      {"yaml-syntax", Severity::Error},
      {"duplicate-key", Severity::Error},
      {"header", Severity::Error},
      {"schema", Severity::Error},
      {"duplicate-id", Severity::Error},
      {"reference", Severity::Error},
      {"district", Severity::Error},
      {"no-district", Severity::Warning},
      {"duplicate-plan", Severity::Error},
      {"type-field", Severity::Error},
      {"need-category", Severity::Error},
      {"item-category", Severity::Error},
      {"negative-list", Severity::Error},
      {"relay-target", Severity::Error},
      {"declined-reason", Severity::Error},
      {"event-order", Severity::Error},
      {"status-transition", Severity::Error},
      {"status-mismatch", Severity::Error},
      {"date-order", Severity::Error},
      {"platform-level", Severity::Error},
      {"future-date", Severity::Warning},
      {"plan-items", Severity::Warning},
      {"plan-quality", Severity::Error},
      {"unlinked-item", Severity::Warning},
      {"foreign-need", Severity::Warning},
      {"required-platform", Severity::Warning},
      {"platform-cadence", Severity::Warning},
      {"survey-size", Severity::Warning},
      {"competency-gap", Severity::Warning},
      {"not-certified", Severity::Warning},
      {"no-reserve-cadre", Severity::Warning},
      {"no-needs", Severity::Warning},
      {"no-survey", Severity::Warning},
      {"missing-plan", Severity::Warning},
      {"waiver", Severity::Error},
      {"waiver-expired", Severity::Warning},
      {"waiver-unused", Severity::Warning},
  };
  return rules;
}

std::string rule_summary(const RuleInfo& rule, i18n::Lang lang) {
  const std::string id = std::string("rule.") + rule.id + ".summary";
  const std::string* t = l10n::find_template(id, lang);
  return t ? *t : std::string();
}

const RuleInfo* find_rule(const std::string& id) {
  for (const auto& r : catalogue())
    if (id == r.id) return &r;
  return nullptr;
}

}  // namespace svcorg::diag
