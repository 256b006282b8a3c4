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

const std::vector<std::string> kFormats = {"table", "json", "csv"};

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
  std::set<std::string> branches, streets, categories;
  for (const auto& b : c.records.branches) {
    if (b.id) branches.insert(*b.id);
    if (b.street) streets.insert(*b.street);
  }
  for (const auto& d : c.records.districts)
    for (const auto& s : d.streets)
      if (s.id) streets.insert(*s.id);
  for (const auto& [type, rules] : c.rules.types)
    categories.insert(rules.need_categories.begin(), rules.need_categories.end());
  if (f.category && !categories.count(*f.category))
    if (const std::string* v = model::labels::value_of("category", *f.category); v && categories.count(*v))
      f.category = *v;
  return names_known("--branch", "cmd.no-such.branch", f.branch, branches, io, c.lang) &&
         names_known("--street", "cmd.no-such.street", f.street, streets, io, c.lang) &&
         names_known("--category", "cmd.no-such.category", f.category, categories, io, c.lang);
}

}  // namespace

int run_needs(const NeedsOptions& given, const Io& io) {
  NeedsOptions o = given;  // labels given for values become the values
  const auto dates = checked_dates(o.common, io);
  if (!dates || !options_ok(o, io)) return kUsage;
  const Checked checked = load_and_check(o.common, *dates, io, Needs::Whole);
  if (int code = refuse_bad_inputs(checked, o.common, io)) return code;
  if (!references_ok(o.filters, checked, io)) return kUsage;
  const ledger::Listing listing =
      ledger::list_needs(checked.records, checked.rules, {dates->year, dates->as_of}, o.filters);
  if (o.format == "json") {
    io.out << render::needs_json(listing);
    return kOk;
  }
  const render::Names names = render::names_of(checked.records, checked.rules);
  if (o.format == "csv")
    io.out << render::needs_csv(listing, names, checked.lang, {o.excel});
  else
    io.out << render::needs_table(listing, names, checked.lang);
  return kOk;
}

}  // namespace svcorg::cmd
