#include "svcorg/l10n/labels.hpp"

#include <map>
#include <stdexcept>

#include "svcorg/yaml/parse.hpp"

namespace svcorg::embedded {
extern const char labels[];
}

namespace svcorg::l10n::labels {

namespace {

// The zh-CN labels and aliases of every group, read once.
struct Index {
  std::map<std::string, std::vector<Written>, std::less<>> forms;  // by group
};

const Index& index() {
  static const Index idx = [] {
    Index out;
    if (const yaml::Node* zh = table().find("zh-CN"))
      for (const auto& [group, values] : zh->entries)
        for (const auto& [value, label] : values.entries) out.forms[group.value].push_back({label.value, value.value});
    if (const yaml::Node* aliases = table().find("aliases"))
      if (const yaml::Node* zh = aliases->find("zh-CN"))
        for (const auto& [group, values] : zh->entries)
          for (const auto& [value, list] : values.entries)
            for (const auto& alias : list.items) out.forms[group.value].push_back({alias.value, value.value});
    return out;
  }();
  return idx;
}

}  // namespace

const yaml::Node& table() {
  static const yaml::Node labels = [] {
    std::vector<yaml::ParseIssue> issues;
    auto docs = yaml::parse_all(embedded::labels, issues);
    if (!issues.empty() || docs.size() != 1) throw std::logic_error("the embedded label table does not parse");
    return std::move(docs.front());
  }();
  return labels;
}

const std::string* label(std::string_view lang, std::string_view group, std::string_view value) {
  const yaml::Node* l = table().find(lang);
  const yaml::Node* g = l ? l->find(group) : nullptr;
  const yaml::Node* v = g ? g->find(value) : nullptr;
  return v && v->is_scalar() ? &v->value : nullptr;
}

const std::vector<Written>& written_forms(std::string_view group) {
  static const std::vector<Written> none;
  const auto it = index().forms.find(group);
  return it == index().forms.end() ? none : it->second;
}

const std::string* value_of(std::string_view group, std::string_view text) {
  for (const auto& w : written_forms(group))
    if (w.text == text) return &w.value;
  return nullptr;
}

i18n::Arg labelled(const std::vector<std::string>& values,
                   const std::function<const std::string*(const std::string&)>& label_of) {
  std::vector<i18n::Arg> shown;
  shown.reserve(values.size());
  for (const auto& v : values) {
    const std::string* l = label_of(v);
    shown.emplace_back(l ? i18n::Arg(i18n::Message("model.with-label", {{"value", v}, {"label", *l}}))
                         : i18n::Arg('`' + v + '`'));
  }
  return i18n::list(std::move(shown), true);
}

i18n::Arg labelled(const std::vector<std::string>& values, std::string_view group) {
  return labelled(values, [group](const std::string& v) { return label("zh-CN", group, v); });
}

}  // namespace svcorg::l10n::labels
