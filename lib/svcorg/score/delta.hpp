// Score deltas (`score --baseline FILE.json` or `--compare REV`): per branch, the change in
// total, grade and rank against a baseline, and the branches that appear or disappear.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "svcorg/score/score.hpp"
#include "svcorg/util/result.hpp"

namespace svcorg::score {

// A scored branch of the baseline.
struct BaselineBranch {
  std::string id, name, type, street;
  double total = 0;
  std::string grade;
  int rank = 0;  // rank_in_district
};

struct Baseline {
  std::string source;  // the file or the revision, as given
  int year = 0;
  std::string as_of;
  std::vector<BaselineBranch> branches;
};

// Every scored branch of `r`.
Baseline baseline_of(const Result& r, const std::string& source);

// A previous `svcorg score --format json` output; fails (score.baseline.*) when `text` is
// not one (unparsable, not an object, `format` not 1, a branch without its fields).
util::Result<Baseline> parse_baseline(const std::string& text, const std::string& source);

enum class DeltaStatus { Changed, Unchanged, New, Removed };
const char* status_name(DeltaStatus s);

struct DeltaRow {
  std::string id, name;
  std::optional<double> total, baseline_total, delta;  // delta = total − baseline_total
  std::optional<std::string> grade, baseline_grade;
  std::optional<int> rank, baseline_rank, rank_delta;  // rank_delta = baseline_rank − rank: places gained
  DeltaStatus status = DeltaStatus::Unchanged;
};

struct Deltas {
  int year = 0;
  std::string as_of;
  std::string baseline_source;
  int baseline_year = 0;
  std::string baseline_as_of;
  std::vector<DeltaRow> rows;  // `shown` in its order (total desc, id), then removed ones by id
};

// Rows for the branches shown now, and for the baseline's branches that are scored no
// longer and that `show_removed` accepts.
Deltas compare(const Result& now, const std::vector<const BranchScore*>& shown, const Baseline& base,
               const std::function<bool(const BaselineBranch&)>& show_removed);

}  // namespace svcorg::score
