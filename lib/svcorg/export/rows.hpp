// The rows of one snapshot, table by table (schema.hpp), from what the other stages
// computed: the loaded records, Y's ledger as of A (ledger::list_needs, what `svcorg
// needs` lists), the findings and score::compute's result (what `svcorg score` prints).
// Figures are taken as computed, rounded as score JSON rounds them: a row never holds a
// number computed another way. Rows come in a fixed order (records in reading order,
// the ledger and scores in their own), so the same inputs give the same rows.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/export/schema.hpp"
#include "svcorg/ledger/listing.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::dbexport {

// A value: null, an integer (booleans are 0 and 1), a number or a text (dates as
// YYYY-MM-DD). Which one a column holds is its Type.
using Cell = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<Cell>;

struct Source {
  const model::RecordSet& records;  // the whole needs loaded
  const rules::Rules& rules;
  const score::Result& scores;
  const ledger::Listing& ledger;                  // every need of Y's ledger, no filter
  const std::vector<diag::Diagnostic>& findings;  // sorted (diag::sort_unique)
};

// The snapshot's key: the District's id ("" without a District), Y, A.
struct SnapshotKey {
  std::string district;
  int year = 0;
  std::string as_of;
};
SnapshotKey snapshot_key(const Source& s);

// Calls `emit` with each row of `table` (its own columns: the snapshot's are not in it).
void rows(const Source& s, const Table& table, const std::function<void(const Row&)>& emit);

}  // namespace svcorg::dbexport
