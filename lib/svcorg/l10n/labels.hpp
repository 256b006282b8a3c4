// The label table (model/labels.yaml, embedded): every enumerated value of the format
// in English and Simplified Chinese, and the old labels kept as aliases. One table serves
// input (a zh-CN label or alias is read as its value, SPEC 2.1 rev 2), output (the values
// reports and tables show; their other words are catalogue messages, catalogue.hpp) and
// the JSON Schemas (tools/labels.py).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::l10n::labels {

// The whole table: `en:` and `zh-CN:` (group → value → label), `aliases:` (zh-CN group →
// value → list of older labels).
const yaml::Node& table();

// The label of `value` in `group` in `lang` (`en` or `zh-CN`); nullptr when it has none.
const std::string* label(std::string_view lang, std::string_view group, std::string_view value);

// The value whose zh-CN label or alias in `group` is `text`; nullptr when none is.
const std::string* value_of(std::string_view group, std::string_view text);

// Every zh-CN label and alias of `group`, each with its value, labels first in the
// table's order (for "did you mean" among labels).
struct Written {
  std::string text, value;
};
const std::vector<Written>& written_forms(std::string_view group);

// `values` each with its zh-CN label (what a record may write instead), joined with "or"
// in the message's language: "`self` (自主决定) or `superior` (上级审批)" /
// "`self`（自主决定）或`superior`（上级审批）"; a value without a label is shown alone.
i18n::Arg labelled(const std::vector<std::string>& values, std::string_view group);
// The same with the labels `label_of` gives (nullptr: none).
i18n::Arg labelled(const std::vector<std::string>& values,
                   const std::function<const std::string*(const std::string&)>& label_of);

}  // namespace svcorg::l10n::labels
