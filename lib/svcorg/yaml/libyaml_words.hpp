// libyaml describes a syntax error in English: a problem ("did not find expected key") and
// the context it arose in ("while parsing a block mapping"). These give the catalogue
// message of each (English as libyaml words it, Chinese translated), or the text verbatim
// when it is not one libyaml 0.2.5 writes.
#pragma once

#include <string_view>

#include "svcorg/i18n/message.hpp"

namespace svcorg::yaml {

i18n::Message problem_words(std::string_view problem);
i18n::Message context_words(std::string_view context);

}  // namespace svcorg::yaml
