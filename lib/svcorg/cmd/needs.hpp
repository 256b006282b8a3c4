// `svcorg needs` (SPEC 5, 8): the needs ledger of year Y as of A, filtered, as a
// table with a summary, JSON, CSV or an XLSX workbook.
#pragma once

#include <optional>
#include <string>

#include "svcorg/cmd/common.hpp"
#include "svcorg/ledger/listing.hpp"

namespace svcorg::cmd {

struct NeedsOptions {
  Common common;
  std::string format = "table";       // table | json | csv | xlsx (with -o only)
  bool excel = false;                 // --excel: CSV for Excel (a BOM; implies csv)
  std::optional<std::string> output;  // -o FILE
  ledger::Filters filters;
};

// Exit 2 on a bad option value (with what would be right) or an unreadable path; exit 1
// without a listing when the inputs have errors (the findings go to io.err).
int run_needs(const NeedsOptions& o, const Io& io);

}  // namespace svcorg::cmd
