#include "svcorg/cmd/schema.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>

#include "svcorg/util/embedded.hpp"

namespace svcorg::cmd {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

const std::vector<std::string>& schema_kinds() {
  static const std::vector<std::string> kinds = {"district", "branch", "need", "platform", "plan"};
  return kinds;
}

std::optional<std::string_view> schema_text(std::string_view kind) {
  const std::string name = lower(kind);
  const auto& kinds = schema_kinds();
  if (std::find(kinds.begin(), kinds.end(), name) == kinds.end()) return std::nullopt;
  const embedded::File* f = embedded::find(embedded::schemas, embedded::schemas_count, name + ".schema.json");
  if (!f) return std::nullopt;
  return std::string_view(f->bytes);
}

int run_schema(const SchemaOptions& o, const Io& io) {
  if (!o.kind) {
    for (const auto& k : schema_kinds()) io.out << k << "\n";
    return kOk;
  }
  if (const auto text = schema_text(*o.kind)) {
    io.out << *text;
    return kOk;
  }
  error(io, o.lang.value_or(i18n::Lang::En),
        i18n::Message("cmd.schema.unknown", {{"kind", *o.kind},
                                             {"hint", did_you_mean(lower(*o.kind), schema_kinds())},
                                             {"kinds", i18n::codes(schema_kinds(), true)}}));
  return kUsage;
}

}  // namespace svcorg::cmd
