// Report labels in English and Simplified Chinese, from the label table (model/labels.hpp).
#pragma once

#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"

namespace svcorg::render {

class Labels {
 public:
  // `lang` is `en` or `zh-CN`.
  explicit Labels(const std::string& lang);
  const std::string& lang() const { return lang_; }
  // The label of `key` in `group` (e.g. "type", "residential"); the key itself when the
  // label is missing (a District may add categories).
  std::string get(const std::string& group, const std::string& key) const;
  std::string text(const std::string& key) const { return get("text", key); }
  // A label with `{0}`, `{1}` … replaced by values (used for facts).
  std::string format(const std::string& group, const std::string& key, const std::vector<std::string>& values) const;

 private:
  std::string lang_;
};

bool known_lang(const std::string& lang);

// An enumerated value of `group` as the tables, the CSV and `--explain` show it to a
// person: in English the value itself (the values are English words, and English output
// keeps them), in Chinese its zh-CN label (the value when it has none; a District's own
// categories: Names::category). JSON always writes the value.
std::string shown(i18n::Lang lang, const std::string& group, const std::string& value);

}  // namespace svcorg::render
