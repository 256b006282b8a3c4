#include "svcorg/check/finding.hpp"

namespace svcorg::check {

diag::Diagnostic finding(model::Kind kind, const std::string& file, Pos record, std::string id, Pos at,
                         diag::Severity severity, const char* rule, i18n::Message message) {
  diag::Diagnostic d;
  d.file = file;
  d.pos = at.known() ? at : record;
  d.severity = severity;
  d.rule = rule;
  d.message = std::move(message);
  d.kind = model::kind_name(kind);
  d.id = std::move(id);
  return d;
}

i18n::Message future_date(std::string field, util::Date date, util::Date today) {
  return i18n::Message(
      "validate.future-date",
      {{"field", std::move(field)}, {"date", i18n::date(date.str())}, {"today", i18n::date(today.str())}});
}

}  // namespace svcorg::check
