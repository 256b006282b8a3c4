// `svcorg export`: the records, Y's ledger as of A, the findings and the scores written
// as one snapshot to SQLite or PostgreSQL (dbexport/, docs/EXPORT.md).
#pragma once

#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ExportOptions {
  Common common;
  std::string to;  // --to: sqlite:FILE or postgresql://…
};

int run_export(const ExportOptions& o, const Io& io);

}  // namespace svcorg::cmd
