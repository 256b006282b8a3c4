#include "svcorg/render/labels.hpp"

#include <stdexcept>

#include "svcorg/yaml/parse.hpp"

namespace svcorg::embedded {
extern const char report_labels[];
}

namespace svcorg::render {

namespace {

const yaml::Node& all_labels() {
  static const yaml::Node labels = [] {
    std::vector<yaml::ParseIssue> issues;
    auto docs = yaml::parse_all(embedded::report_labels, issues);
    if (!issues.empty() || docs.size() != 1) throw std::logic_error("the embedded report labels do not parse");
    return std::move(docs.front());
  }();
  return labels;
}

}  // namespace

bool known_lang(const std::string& lang) { return lang == "en" || lang == "zh-CN"; }

Labels::Labels(const std::string& lang) : lang_(known_lang(lang) ? lang : "en") {}

std::string Labels::get(const std::string& group, const std::string& key) const {
  const yaml::Node* lang = all_labels().find(lang_);
  const yaml::Node* g = lang ? lang->find(group) : nullptr;
  const yaml::Node* v = g ? g->find(key) : nullptr;
  return v && v->is_scalar() ? v->value : key;
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

}  // namespace svcorg::render
