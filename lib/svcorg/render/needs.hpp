// `svcorg needs` output: a ledger listing as an aligned table with a summary, as JSON
// (SPEC 8 conventions: rates rounded to 4 decimals, null when undefined) or as CSV
// (one row per need, the columns of the JSON `needs` objects).
#pragma once

#include <string>

#include "svcorg/ledger/listing.hpp"

namespace svcorg::render {

std::string needs_table(const ledger::Listing& l);
std::string needs_json(const ledger::Listing& l);
std::string needs_csv(const ledger::Listing& l);

// A rate as a percentage with one decimal (`89.7%`), or `—` when undefined.
std::string percent(const std::optional<double>& rate);


}  // namespace svcorg::render
