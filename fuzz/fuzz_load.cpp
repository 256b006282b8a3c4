// libFuzzer target: one file's bytes -> load_bytes (YAML tree, records, header and schema
// findings) -> every validation rule. Any crash, sanitizer report, leak or timeout is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace svcorg;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  model::RecordSet records;
  diag::Sink sink;
  load::load_bytes("fuzz.yaml", bytes, records, sink);
  const yaml::Node* overrides = nullptr;
  if (records.districts.size() == 1 && records.districts.front().rules)
    overrides = records.districts.front().rules.get();
  const rules::Rules rules = rules::effective_rules(overrides);
  const ledger::Window dates =
      validate::resolve_dates(2026, util::Date::from_ymd(2026, 6, 30), util::Date::from_ymd(2026, 6, 30));
  validate::run(records, rules, dates, sink);
  return 0;
}
