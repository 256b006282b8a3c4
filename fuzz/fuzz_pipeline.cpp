// libFuzzer target: the whole pipeline on a small tree. The input is split into up to 8
// files at each 0x00 byte (NUL is never valid in a YAML file, so no file loses meaning);
// they are loaded and validated, the findings rendered in every output format; every
// input is scored (`svcorg score` scores while validating, before it knows of errors);
// inputs without errors have every output rendered: score JSON/table/CSV/explain, the
// needs listing, and the district, street and branch reports in both languages.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/diag/formats.hpp"
#include "svcorg/diag/render.hpp"
#include "svcorg/ledger/listing.hpp"
#include "svcorg/load/loader.hpp"
#include "svcorg/render/labels.hpp"
#include "svcorg/render/names.hpp"
#include "svcorg/render/needs.hpp"
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
  const ledger::Window dates = validate::resolve_dates(2026, as_of, as_of);
  validate::run(records, rules, dates, sink);
  std::vector<diag::Diagnostic> findings = sink.items();
  const diag::Summary summary = diag::summarize(findings, records.files.size(), records.record_count());
  // Every text a person reads, in both languages (the message catalogue renders any
  // finding's arguments).
  for (const i18n::Lang lang : {i18n::Lang::En, i18n::Lang::ZhCN}) {
    diag::Report report;
    report.lang = lang;
    (void)diag::render_text(findings, true, lang);
    (void)diag::render_json(findings, summary, lang);
    (void)diag::render_sarif(findings, summary, "fuzz", report);
    (void)diag::render_junit(findings, summary, records.files, report);
    (void)diag::render_github(findings, summary, lang);
    (void)diag::render_gitlab(findings, report);
  }
  const ledger::Window& window = dates;
  // The commands score only inputs without errors, but scoring is library code that must
  // hold up on any records (no crash, no undefined behaviour), so it runs on these too.
  try {
    const score::Model any = score::effective_model(district ? district->scoring.get() : nullptr);
    (void)score::compute(records, rules, any, window);
  } catch (...) {
  }
  if (summary.errors > 0) return 0;  // the commands refuse such inputs before scoring

  const score::Model model = score::effective_model(district ? district->scoring.get() : nullptr);
  const score::Result result = score::compute(records, rules, model, window);
  const render::ScoreSelection all = render::select_all(result);
  (void)render::score_json(result, all);
  const ledger::Listing listing = ledger::list_needs(records, rules, window, {});
  (void)render::needs_json(listing);
  const render::Names names = render::names_of(records, rules);
  for (const i18n::Lang lang : {i18n::Lang::En, i18n::Lang::ZhCN}) {
    (void)render::score_table(result, all, names, lang);
    (void)render::score_csv(result, all, names, lang, {true});
    for (const auto& s : result.branches) (void)render::score_explain(result, s, model, names, lang);
    (void)render::needs_table(listing, names, lang);
    (void)render::needs_csv(listing, names, lang);
  }

  std::vector<std::string> scopes{"district"};
  for (size_t i = 0; i < result.streets.size() && i < 2; ++i) scopes.push_back("street:" + result.streets[i].id);
  for (size_t i = 0; i < records.branches.size() && i < 3; ++i)
    if (records.branches[i].id) scopes.push_back("branch:" + *records.branches[i].id);
  for (const auto& name : scopes) {
    const auto scope = report::parse_scope(name);
    if (!scope) continue;
    if (const auto report = report::build({records, rules, model, result}, *scope))
      for (const i18n::Lang lang : {i18n::Lang::En, i18n::Lang::ZhCN})
        (void)render::report_markdown(*report, render::Labels(lang));
  }
  return 0;
}
