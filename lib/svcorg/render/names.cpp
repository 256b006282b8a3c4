#include "svcorg/render/names.hpp"

#include "svcorg/l10n/labels.hpp"
#include "svcorg/render/labels.hpp"

namespace svcorg::render {

namespace {

std::string find(const std::map<std::string, std::string, std::less<>>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? std::string() : it->second;
}

}  // namespace

std::string Names::branch(const std::string& id) const {
  return find(branches, id);
}
std::string Names::street(const std::string& id) const {
  return find(streets, id);
}

std::string Names::category(i18n::Lang lang, const std::string& value) const {
  if (lang == i18n::Lang::En || l10n::labels::label(i18n::code(lang), "category", value))
    return shown(lang, "category", value);
  const std::string label = find(category_labels, value);
  return label.empty() ? value : label;
}

std::string area_shown(const Names& names, Area area, const std::string& id, bool with_id, i18n::Lang lang) {
  const std::string name = area == Area::Street ? names.street(id) : names.district;
  if (!name.empty() && !id.empty())
    return with_id ? l10n::tr(lang, "render.area.named", {{"name", name}, {"id", id}}) : name;
  return l10n::tr(lang, area == Area::Street ? "render.area.street" : "render.area.district",
                  {{"id", id.empty() ? "-" : id}});
}

Names names_of(const model::RecordSet& records, const rules::Rules& rules) {
  Names out;
  out.category_labels.insert(rules.category_labels.begin(), rules.category_labels.end());
  for (const auto& b : records.branches)
    if (b.id && b.name) out.branches.emplace(*b.id, *b.name);
  if (!records.districts.empty() && records.districts.front().name) out.district = *records.districts.front().name;
  for (const auto& d : records.districts)
    for (const auto& s : d.streets)
      if (s.id && s.name) out.streets.emplace(*s.id, *s.name);
  return out;
}

}  // namespace svcorg::render
