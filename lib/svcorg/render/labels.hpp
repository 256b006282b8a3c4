// The texts of the reports in English and Simplified Chinese: their words are `report.*`
// messages of the catalogue (i18n/messages/report.yaml), the enumerated values they show
// are labels of the label table (model/labels.hpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "svcorg/l10n/catalogue.hpp"

namespace svcorg::render {

class Labels {
 public:
  explicit Labels(i18n::Lang lang) : lang_(lang) {}
  i18n::Lang lang() const { return lang_; }
  // The label of `value` in `group` of the label table (e.g. "type", "residential"); the
  // value itself when the label is missing (a District may add categories).
  std::string get(const std::string& group, const std::string& value) const;
  // The catalogue message `id` (a literal: `report.…`) in the report's language.
  std::string tr(const char* id, std::vector<std::pair<std::string, i18n::Arg>> args = {}) const {
    return l10n::tr(lang_, id, std::move(args));
  }

 private:
  i18n::Lang lang_;
};

// Why a branch is not scored (score::Unscored::reason, e.g. `missing-plan`) in words:
// "no plan for the year" / 本年度无计划; a reason without words as it is.
std::string unscored_reason(i18n::Lang lang, const std::string& reason);

// An enumerated value of `group` as the tables, the CSV and `--explain` show it to a
// person: in English the value itself (the values are English words, and English output
// keeps them), in Chinese its zh-CN label (the value when it has none; a District's own
// categories: Names::category). JSON always writes the value.
std::string shown(i18n::Lang lang, const std::string& group, const std::string& value);

}  // namespace svcorg::render
