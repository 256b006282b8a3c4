// The names the CSV writes beside ids (a spreadsheet reader sees 美丽园居民区党总支 beside
// `meiliyuan`): branches by id, and the District's streets by id; and the labels of the
// District's own categories, which the label table does not know.
#pragma once

#include <map>
#include <string>

#include "svcorg/i18n/message.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"

namespace svcorg::render {

struct Names {
  std::map<std::string, std::string, std::less<>> branches, streets;
  std::map<std::string, std::string, std::less<>> category_labels;  // rules.category_labels (zh-CN)
  std::string district;                                             // the District's name; "" when it has none
  // The name of `id`; "" when it has none (an unknown id, or no District).
  std::string branch(const std::string& id) const;
  std::string street(const std::string& id) const;
  // A category as render::shown gives it; in Chinese a District's own category shows
  // the label its `rules.category_labels` gives.
  std::string category(i18n::Lang lang, const std::string& value) const;
};

// A street or the District as a text names it: by the name the District gives it, with
// its id when `with_id` (南京西路街道（nanjingxi）); without a name, by its id, which in
// Chinese says what it is (街道 nanjingxi, 区 jingan; `-` for no id).
enum class Area { Street, District };
std::string area_shown(const Names& names, Area area, const std::string& id, bool with_id, i18n::Lang lang);

// The first record of an id names it (validation reports the others).
Names names_of(const model::RecordSet& records, const rules::Rules& rules);

}  // namespace svcorg::render
