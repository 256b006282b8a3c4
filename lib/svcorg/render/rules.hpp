// `svcorg rules`: the per-type rules and the scoring model in effect, as aligned text,
// Markdown (docs/RULES.md is this, on the built-in rules) or JSON (docs/FORMAT.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"

namespace svcorg::render {

struct RulesView {
  const rules::Rules* rules = nullptr;  // the effective rules
  const score::Model* model = nullptr;  // the effective scoring model
  std::vector<std::string> types;       // the types shown, in the format's order
  bool all_types = true;                // no TYPE given: the checks of svcorg validate too
  // The District whose overrides are merged (its id and name); none: the built-in rules.
  std::optional<std::pair<std::string, std::string>> district;
  std::string command;  // the command line, for Markdown's first-line comment
};

std::string rules_text(const RulesView& v, i18n::Lang lang);
std::string rules_markdown(const RulesView& v, i18n::Lang lang);
// ASCII keys and values only: ids, numbers and enum values (docs/FORMAT.md).
std::string rules_json(const RulesView& v);

}  // namespace svcorg::render
