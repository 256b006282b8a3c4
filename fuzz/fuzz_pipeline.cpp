// libFuzzer target: the whole pipeline on a small tree. The input is split into up to 8
// files at each 0x00 byte (NUL is never valid in a YAML file, so no file loses meaning);
// they are loaded, validated, scored, and the district report and score JSON rendered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/report.hpp"
#include "svcorg/render/score.hpp"
#include "svcorg/report/report.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace svcorg;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  model::RecordSet records;
  diag::Sink sink;
  for (int i = 0; i < 8 && !rest.empty(); ++i) {
    size_t cut = i == 7 ? std::string_view::npos : rest.find('\0');
    const std::string_view file = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    model::RecordSet part;
    load::load_bytes("f" + std::to_string(i) + ".yaml", file, part, sink);
    load::append(records, std::move(part));
  }
  const model::District* district = records.districts.size() == 1 ? &records.districts.front() : nullptr;
  const rules::Rules rules = rules::effective_rules(district && district->rules ? district->rules.get() : nullptr);
  const util::Date as_of = util::Date::from_ymd(2026, 6, 30);
  const validate::Options dates = validate::resolve_dates(2026, as_of, as_of);
  validate::run(records, rules, dates, sink);
  bool errors = false;
  for (const auto& d : sink.items()) errors = errors || d.severity == diag::Severity::Error;
  if (errors) return 0;  // the commands refuse such inputs before scoring
  const score::Model model = score::effective_model(district ? district->scoring.get() : nullptr);
  const score::Result result = score::compute(records, rules, model, ledger::Window{dates.year, dates.as_of});
  (void)render::score_json(result, render::select_all(result));
  std::string error;
  if (const auto report = report::build({records, rules, model, result}, *report::parse_scope("district"), error))
    (void)render::report_markdown(*report, render::Labels(district && district->lang ? *district->lang : "en"));
  return 0;
}
