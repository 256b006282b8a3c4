// `svcorg schema [KIND]`: the JSON Schema of a kind, as embedded from schemas/ at build
// time; without KIND, the kinds.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct SchemaOptions {
  std::optional<std::string> kind;  // district, branch, need, platform, plan (any case)
  std::optional<i18n::Lang> lang;   // --lang: of the error for an unknown kind
};

// The kinds in SPEC order, lower case: the names `svcorg schema` takes and lists.
const std::vector<std::string>& schema_kinds();

// The embedded schema of a kind (any case: `Need`, `need`), or nullopt.
std::optional<std::string_view> schema_text(std::string_view kind);

// Prints the schema, byte for byte as in schemas/, or the kinds one a line; exit 2 with
// the closest kind for an unknown one.
int run_schema(const SchemaOptions& o, const Io& io);

}  // namespace svcorg::cmd
