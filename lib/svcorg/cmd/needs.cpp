#include "svcorg/cmd/needs.hpp"

#include <algorithm>
#include <ostream>
#include <set>

#include "svcorg/diag/render.hpp"
#include "svcorg/model/vocab.hpp"
#include "svcorg/render/needs.hpp"

namespace svcorg::cmd {

namespace {

const std::vector<std::string> kFormats = {"table", "json", "csv"};

// An option value must be one of `allowed`; else a message naming what would be right.
bool one_of(const char* option, const std::optional<std::string>& value, const std::vector<std::string>& allowed,
            const Io& io, i18n::Lang lang) {
  if (!value || std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return true;
  error(io, lang,
        i18n::Message("cmd.not-allowed", {{"option", option},
                                          {"value", *value},
                                          {"hint", did_you_mean(*value, allowed)},
                                          {"allowed", i18n::codes(allowed, true)}}));
  return false;
}

// The values that need no records to check.
bool options_ok(const NeedsOptions& o, const Io& io) {
  const ledger::Filters& f = o.filters;
  const i18n::Lang lang = early_lang(o.common);
  return one_of("--format", o.format, kFormats, io, lang) &&
         one_of("--status", f.status, ledger::status_filter_values(), io, lang) &&
         one_of("--channel", f.channel, model::vocab::kChannels, io, lang) &&
         one_of("--layer", f.layer, model::vocab::kLayers, io, lang);
}

bool references_ok(const ledger::Filters& f, const Checked& c, const Io& io) {
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
  return names_known("--branch", "cmd.no-such.branch", f.branch, branches, io, c.lang) &&
         names_known("--street", "cmd.no-such.street", f.street, streets, io, c.lang) &&
         names_known("--category", "cmd.no-such.category", f.category, categories, io, c.lang);
}

}  // namespace

int run_needs(const NeedsOptions& o, const Io& io) {
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
