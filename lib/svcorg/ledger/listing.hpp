// The needs of Y's ledger as of A (SPEC 5: received in Y or carried over) that match a
// set of filters, with the facts of each and the metrics of the set: what `svcorg needs`
// lists, and what reports can reuse.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"

namespace svcorg::ledger {

// Each given filter must match; values are checked by the caller.
struct Filters {
  std::optional<std::string> status;  // an as-of status name, `open` (O) or `overdue`
  std::optional<std::string> branch;
  std::optional<std::string> street;  // the need's branch's street
  std::optional<std::string> channel;
  std::optional<std::string> category;
  std::optional<std::string> layer;
  bool received_in_year = false;  // only the needs received in Y (no carried-over need)
};

// The status filter's words: every need status, then `open` and `overdue`.
const std::vector<std::string>& status_filter_values();

// Whether a need's as-of facts match a status filter word.
bool matches_status(const NeedFacts& f, const std::string& word);

struct Row {
  NeedFacts facts;
  std::string street;  // empty when the need's branch is unknown
};

struct Listing {
  Window window;
  Filters filters;
  std::vector<Row> rows;  // by received date, then id
  Metrics summary;        // of `rows`
};

// The needs of `window` matching `filters`. Branches are looked up by id (the first
// of an id in record order); a need's rules are those of its branch's type.
Listing list_needs(const model::RecordSet& records, const rules::Rules& rules, const Window& window,
                   const Filters& filters);

}  // namespace svcorg::ledger
