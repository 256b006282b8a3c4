#include "svcorg/diag/catalogue.hpp"

namespace svcorg::diag {

const std::vector<RuleInfo>& catalogue() {
  static const std::vector<RuleInfo> rules = {
      {"yaml-syntax", Severity::Error, "A file is not valid YAML or not valid UTF-8."},
      {"duplicate-key", Severity::Error, "A mapping repeats a key."},
      {"header", Severity::Error,
       "A document is not a mapping, lacks or has an unsupported apiVersion, or has an unknown kind."},
      {"schema", Severity::Error,
       "A field is missing, of the wrong type, outside its enum, range or pattern, not a real date, or unknown."},
      {"duplicate-id", Severity::Error, "Two records of one kind (or two items of one plan) share an id."},
      {"reference", Severity::Error, "A reference (branch, street, need, platform, owner) names no such record."},
      {"district", Severity::Error, "There is more than one District."},
      {"no-district", Severity::Warning, "There is no District among the inputs."},
      {"duplicate-plan", Severity::Error, "Two plans for one branch and year."},
      {"type-field", Severity::Error, "A field the branch's type requires is missing (functions, units)."},
      {"need-category", Severity::Error, "A need's category is not allowed for its branch's type."},
      {"item-category", Severity::Error, "A plan item's category is not allowed for its branch's type."},
      {"negative-list", Severity::Error, "An item in a negative-list category without approval: superior."},
      {"relay-target", Severity::Error, "disposal: relay without relayed_to."},
      {"declined-reason", Severity::Error, "A declined need without a reason."},
      {"event-order", Severity::Error,
       "Events out of date order, or the first event is not `received` on the received date."},
      {"status-transition", Severity::Error, "A status move the need lifecycle forbids."},
      {"status-mismatch", Severity::Error, "status differs from the last event's status."},
      {"date-order", Severity::Error, "due before received, or feedback dated before the resolution."},
      {"platform-level", Severity::Error, "A platform's level does not fit its owner."},
      {"future-date", Severity::Warning, "Something that happened is dated after the as-of date."},
      {"plan-items", Severity::Warning, "A plan has fewer autonomous items than min_plan_items."},
      {"plan-quality", Severity::Error,
       "A submitted plan's quality (linked, measurable, breadth, coverage) is below min_plan_quality."},
      {"unlinked-item", Severity::Warning, "A plan item answers no need."},
      {"foreign-need", Severity::Warning, "An item or meeting lists a need of another branch."},
      {"required-platform", Severity::Warning,
       "A branch has no platform (owned or joined) of a category its type requires."},
      {"platform-cadence", Severity::Warning, "A platform held fewer meetings than its cadence expects in the year."},
      {"survey-size", Severity::Warning, "A survey with fewer respondents than min_survey_respondents."},
      {"competency-gap", Severity::Warning, "A secretary's ability is rated 1 or 2."},
      {"not-certified", Severity::Warning, "A secretary without the qualification certificate."},
      {"no-reserve-cadre", Severity::Warning, "A branch with no reserve cadre."},
      {"no-needs", Severity::Warning, "From score: no needs received in the year and none carried over."},
      {"no-survey", Severity::Warning, "From score: a plan's review has no survey."},
      {"missing-plan", Severity::Warning, "From score: a branch has no plan for the year."},
      {"waiver", Severity::Error, "A malformed waiver: no rule, an unknown or unwaivable rule, no reason, a bad date."},
      {"waiver-expired", Severity::Warning, "A waiver whose until= date has passed; it suppresses nothing."},
      {"waiver-unused", Severity::Warning, "A waiver that matches no finding."},
  };
  return rules;
}

const RuleInfo* find_rule(const std::string& id) {
  for (const auto& r : catalogue())
    if (id == r.id) return &r;
  return nullptr;
}

}  // namespace svcorg::diag
