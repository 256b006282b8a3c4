// `svcorg import needs FILE.csv --map MAP.yaml`: the rows of a CSV export (a 12345 hotline
// export, say) appended as new needs through the same writer as `need add`, all or
// nothing (docs/IMPORT.md).
#pragma once

#include <string>

#include "svcorg/cmd/common.hpp"

namespace svcorg::cmd {

struct ImportOptions {
  Common common;  // paths: the records repository (default: .)
  std::string file, map;
  std::string encoding = "auto";  // auto, utf-8 or gb18030
  bool dry_run = false;
};

// Prints the documents it would append per file (--dry-run) or appends them, then the
// summary. Exit 2 on a file that cannot be read; exit 1, with every problem at its place
// and nothing written, on a bad map, a bad export or a bad row, or when the needs would add
// an error to the repository.
int run_import_needs(const ImportOptions& o, const Io& io);

}  // namespace svcorg::cmd
