#include "svcorg/model/labels.hpp"

#include "svcorg/model/reader.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"

namespace svcorg::model::labels {

void use_district_labels(RecordSet& set, const rules::Rules& rules) {
  if (rules.category_labels.empty()) return;
  const auto name_of = [&](const std::string& written) -> const std::string* {
    return is_category_word(written) ? nullptr : rules.category_of_label(written);
  };
  for (Need& n : set.needs)
    if (n.category)
      if (const std::string* name = name_of(*n.category)) n.category.set(*name, n.category.pos);
  for (NeedCore& c : set.need_cores)
    if (c.category)
      if (const std::string* name = name_of(*c.category)) c.category.p = &set.pool().intern(*name);
  for (Plan& p : set.plans)
    if (p.items)
      for (Item& item : p.items.v)
        if (item.category)
          if (const std::string* name = name_of(*item.category)) item.category.set(*name, item.category.pos);
}

}  // namespace svcorg::model::labels
