// Scoring every branch with a plan for year Y (SPEC 6) and the street and district
// roll-ups (SPEC 6.8). Returns plain data with every input behind every number, so
// renderers (table, JSON, CSV, --explain, reports) compute nothing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/ledger/adherence.hpp"
#include "svcorg/ledger/metrics.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/plan/quality.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::score {

using ledger::Adherence;
using ledger::adherence;

// One required platform category of a branch's type and the best platform for it.
struct SystemsEntry {
  std::string category;
  std::optional<Adherence> best;        // none: no platform of the category with a non-empty window
  double value = 0;                     // best adherence, or 0
  std::vector<std::string> candidates;  // ids of the branch's platforms of the category
};

using plan::QualityInputs;

struct BranchScore {
  const model::Branch* branch = nullptr;
  const model::Plan* plan = nullptr;
  bool provisional = false;
  double beta = 0;  // base_weight for Y

  std::vector<Part> base_parts;  // dues, statistics, organizational_life, member_development
  double base = 0;

  QualityInputs quality_inputs;
  std::vector<Part> quality_parts;  // linked, measurable, breadth, coverage (values in 0-1)
  double quality = 0;
  std::optional<double> percentile;    // null with a single peer
  size_t peers = 0;                    // n, itself included (the others: peer_ids())
  std::vector<Part> plan_level_parts;  // absolute (q), relative (pr)

  double execution_weight_sum = 0;
  std::vector<SystemsEntry> systems_entries;
  ledger::Metrics needs;
  std::vector<Part> effect_parts;        // the four rates (0-1)
  std::vector<Part> satisfaction_parts;  // members, public (0-100)

  std::vector<Part> components;  // plan_level, execution, effect, systems, satisfaction (0-100)
  double autonomous = 0;
  size_t approved_awards = 0;
  double bonus = 0;
  double total_unrounded = 0;  // before rounding, after the cap at 100
  double total = 0;            // rounded to 2 decimals: what is graded and ranked
  std::string grade;
  int rank_in_district = 0;
  int rank_in_type = 0;

  std::optional<double> component(const std::string& name) const;
};

struct Rollup {
  std::string id;
  size_t branches = 0;
  std::vector<std::pair<std::string, size_t>> by_type;  // types with ≥ 1 branch, in type order
  size_t scored = 0;
  std::optional<double> mean_total;
  ledger::Metrics needs;                     // needs in Y of the level's own layer
  std::optional<double> platform_adherence;  // mean over owned platforms with a window
  std::vector<Adherence> platforms;          // the owned platforms
};

struct Unscored {
  std::string id;
  std::string reason;  // missing-plan
};

struct Result {
  int year = 0;
  util::Date as_of;
  double base_weight = 0;
  std::vector<BranchScore> branches;  // by total descending, then id
  std::vector<Unscored> unscored;     // by id
  std::vector<Rollup> streets;        // the District's order, or by id without a District
  Rollup district;
  std::vector<diag::Diagnostic> warnings;  // no-needs, no-survey, missing-plan (sorted)
};

// The ids of the other scored branches of s's type (its peers in 6.2), sorted.
std::vector<std::string> peer_ids(const Result& r, const BranchScore& s);

// Scores the records. Only records that passed validation (no errors) give scores that
// mean anything (`svcorg score` refuses inputs with errors first), but any records are
// scored without harm. The needs' facts and the branches are computed on `threads`
// threads (util::parallel_for); the result is the same for any number.
Result compute(const model::RecordSet& records, const rules::Rules& rules, const Model& model,
               const ledger::Window& window, unsigned threads = 1);

}  // namespace svcorg::score
