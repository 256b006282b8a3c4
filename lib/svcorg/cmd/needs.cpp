#include "svcorg/cmd/needs.hpp"

#include <algorithm>
#include <ostream>
#include <set>

#include "svcorg/diag/render.hpp"
#include "svcorg/model/labels.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/render/needs.hpp"

namespace svcorg::cmd {

namespace {

const std::vector<std::string> kFormats = {"table", "json", "csv", "xlsx"};

// The values that need no records to check; a value's zh-CN label becomes the value.
bool options_ok(NeedsOptions& o, const Io& io) {
  ledger::Filters& f = o.filters;
  const i18n::Lang lang = early_lang(o.common);
  std::optional<std::string> format = o.format;
  return enum_value("--format", format, kFormats, {}, io, lang) &&
         enum_value("--status", f.status, ledger::status_filter_values(), {"status", "state"}, io, lang) &&
         enum_value("--channel", f.channel, model::vocab::kChannels, {"channel"}, io, lang) &&
         enum_value("--layer", f.layer, model::vocab::kLayers, {"layer"}, io, lang);
}

bool references_ok(ledger::Filters& f, const Checked& c, const Io& io) {
  const KnownIds known = known_ids(c.records);
  std::set<std::string> categories;
  for (const auto& [type, rules] : c.rules.types)
    categories.insert(rules.need_categories.begin(), rules.need_categories.end());
  // A category of the District's own may be given by the label the District gives it.
  if (f.category && !categories.count(*f.category))
    for (const auto& [name, label] : c.rules.category_labels)
      if (label == *f.category && categories.count(name)) f.category = name;
  return known_id("--branch", "cmd.no-such.branch", f.branch, known.branches, io, c.lang) &&
         known_id("--street", "cmd.no-such.street", f.street, known.streets, io, c.lang) &&
         enum_value("--category", f.category, std::vector<std::string>(categories.begin(), categories.end()),
                    {"category"}, io, c.lang);
}

}  // namespace

int run_needs(const NeedsOptions& given, const Io& io) {
  NeedsOptions o = given;  // labels given for values become the values
  const auto dates = checked_dates(o.common, io);
  if (!dates || !options_ok(o, io)) return kUsage;
  if (int code = refuse_xlsx_without_output(o.format, o.output, o.common, io)) return code;
  if (o.output && refuse_outputs_over_inputs({*o.output}, o.common, io)) return kUsage;
  const Checked checked = load_and_check(o.common, *dates, io, Needs::Whole);
  if (int code = refuse_bad_inputs(checked, o.common, io)) return code;
  if (!references_ok(o.filters, checked, io)) return kUsage;
  const ledger::Listing listing =
      ledger::list_needs(checked.records, checked.rules, {dates->year, dates->as_of}, o.filters);
  if (o.format == "json") return emit(o.output, render::needs_json(listing), io, checked.lang);
  const render::Names names = render::names_of(checked.records, checked.rules);
  if (o.format == "xlsx")
    return emit_xlsx(
        *o.output,
        {render::needs_sheet(listing, names, checked.lang), render::needs_metrics_sheet(listing, checked.lang)},
        dates->as_of, io, checked.lang);
  if (o.format == "csv")
    return emit(o.output, render::needs_csv(listing, names, checked.lang, {o.excel}), io, checked.lang);
  return emit(o.output, render::needs_table(listing, names, checked.lang), io, checked.lang);
}

}  // namespace svcorg::cmd
