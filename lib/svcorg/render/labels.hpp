// Report labels in English and Simplified Chinese, from the label table (model/labels.hpp).
#pragma once

#include <string>
#include <vector>

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

}  // namespace svcorg::render
