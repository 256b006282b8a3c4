// The message catalogue: every text svcorg writes for a person, in English and Simplified
// Chinese (i18n/messages/*.yaml, embedded at build time), and messages (i18n::Message)
// rendered from it in a language.
//
// A catalogue file maps ids to one template per language:
//   validate.reference.no-branch:
//     en: "no Branch `{id}`; check the id"
//     zh-CN: "没有编号为 `{id}` 的党组织，请核对编号"
// `{name}` is an argument of the message, `{{` and `}}` are literal braces. Both
// languages of a message have the same placeholders (tests/unit/test_i18n.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::l10n {

// The template of `id` in `lang`; nullptr when the catalogue has no such message.
const std::string* find_template(std::string_view id, i18n::Lang lang);

// Every id of the catalogue, sorted, and the file each comes from.
struct Entry {
  std::string id, file;
};
std::vector<Entry> entries();

// The placeholders of a template, in order of appearance, each once.
std::vector<std::string> placeholders(std::string_view tmpl);

// A message in `lang` (English unless told): its template with the arguments in place.
std::string render(const i18n::Message& m, i18n::Lang lang = i18n::Lang::En);
std::string render(const i18n::Arg& a, i18n::Lang lang);

// Shorthand: the catalogue message `id` rendered in `lang`.
inline std::string tr(i18n::Lang lang, const char* id, std::vector<std::pair<std::string, i18n::Arg>> args = {}) {
  return render(i18n::Message(id, std::move(args)), lang);
}

// "2025年12月31日" (zh-CN) or the ISO date itself (en); text that is no date stays as it is.
std::string prose_date(std::string_view iso, i18n::Lang lang);

// Items joined in `lang`: "a, b and c" / "a、b和c"; `or_list`: "a, b or c" / "a、b或c".
std::string join(const std::vector<std::string>& items, i18n::Lang lang, bool or_list = false);

}  // namespace svcorg::l10n
