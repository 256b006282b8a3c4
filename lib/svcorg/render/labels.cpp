#include "svcorg/render/labels.hpp"

#include "svcorg/model/labels.hpp"

namespace svcorg::render {

bool known_lang(const std::string& lang) { return lang == "en" || lang == "zh-CN"; }

Labels::Labels(const std::string& lang) : lang_(known_lang(lang) ? lang : "en") {}

std::string Labels::get(const std::string& group, const std::string& key) const {
  const std::string* label = model::labels::label(lang_, group, key);
  return label ? *label : key;
}

std::string Labels::format(const std::string& group, const std::string& key,
                           const std::vector<std::string>& values) const {
  std::string out = get(group, key);
  for (size_t i = 0; i < values.size(); ++i) {
    const std::string mark = "{" + std::to_string(i) + "}";
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark)) {
      out.replace(at, mark.size(), values[i]);
    }
  }
  return out;
}

std::string shown(i18n::Lang lang, const std::string& group, const std::string& value) {
  if (lang == i18n::Lang::En) return value;
  const std::string* label = model::labels::label(i18n::code(lang), group, value);
  return label ? *label : value;
}

}  // namespace svcorg::render
