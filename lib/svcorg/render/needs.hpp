// `svcorg needs` output: a ledger listing as an aligned table with a summary, as JSON
// (SPEC 8 conventions: rates rounded to 4 decimals, null when undefined) or as CSV
// (one row per need, the columns of the JSON `needs` objects with names beside the ids).
// The table and the CSV are for people: in `lang` (headers, words, enumerated values as
// their labels in Chinese); JSON is for scripts and the same in every language.
#pragma once

#include <string>

#include "svcorg/i18n/message.hpp"
#include "svcorg/ledger/listing.hpp"
#include "svcorg/render/names.hpp"
#include "svcorg/render/sheet.hpp"
#include "svcorg/render/table.hpp"

namespace svcorg::render {

std::string needs_table(const ledger::Listing& l, const Names& names, i18n::Lang lang);
std::string needs_json(const ledger::Listing& l);
std::string needs_csv(const ledger::Listing& l, const Names& names, i18n::Lang lang, const CsvOptions& options = {});
// The CSV's table with typed cells (the XLSX ledger), and the listing's metrics as rows
// of a label and a value (the XLSX metrics sheet: the summary of the table and the JSON).
Sheet needs_sheet(const ledger::Listing& l, const Names& names, i18n::Lang lang);
Sheet needs_metrics_sheet(const ledger::Listing& l, i18n::Lang lang);

// A rate as a percentage with one decimal (`89.7%`), or `—` when undefined.
std::string percent(const std::optional<double>& rate);
}  // namespace svcorg::render
