// What the readers of model/reader.hpp say about a value that is wrong (internal to
// model/): shared by the scalars' typing (reader.cpp) and the mapping reader
// (map_reader.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "svcorg/i18n/message.hpp"
#include "svcorg/model/reader.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::model::detail {

// "`path` should be EXPECTED, not FOUND".
i18n::Message wrong_type_message(const std::string& path, const i18n::Message& expected, const yaml::Node& n);

// A finding about a value that cannot be right, unless the value shows full-width
// punctuation typed for YAML's own (`［a, b］`, `a，b`, `name：王丽华`): then that, at the
// character (yaml/hints.hpp). Error paths only.
void report_or_hint(Context& c, const yaml::Node& n, const char* rule, i18n::Message message);

// What an integer within [min, max] and a number within `range` are called.
i18n::Message bound_words(std::optional<int64_t> min, std::optional<int64_t> max);
i18n::Message range_words(const NumberRange& range);

// What a missing field's hint and a wrong value's message name, made once.
extern const i18n::Message kId;
extern const i18n::Message kDate;

}  // namespace svcorg::model::detail
