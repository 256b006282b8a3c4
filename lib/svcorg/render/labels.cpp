#include "svcorg/render/labels.hpp"

#include "svcorg/l10n/catalogue.hpp"
#include "svcorg/l10n/labels.hpp"

namespace svcorg::render {

std::string Labels::get(const std::string& group, const std::string& value) const {
  const std::string* label = l10n::labels::label(i18n::code(lang_), group, value);
  return label ? *label : value;
}

std::string unscored_reason(i18n::Lang lang, const std::string& reason) {
  if (reason == "missing-plan") return l10n::tr(lang, "report.missing-plan");
  return reason;
}

std::string shown(i18n::Lang lang, const std::string& group, const std::string& value) {
  if (lang == i18n::Lang::En) return value;
  const std::string* label = l10n::labels::label(i18n::code(lang), group, value);
  return label ? *label : value;
}

}  // namespace svcorg::render
