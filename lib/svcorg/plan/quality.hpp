// A plan's quality q (SPEC 6.2): how well its items answer the branch's needs. Read by
// validation (the `plan-quality` rule on submitted plans) and by scoring (plan_level),
// so it lives below both: validation never reads score/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/model/core.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/util/weighted.hpp"

namespace svcorg::plan {

// SPEC 6.2: two qualities within this of each other are equal (the peer percentile and
// the `plan-quality` rule's minimum).
inline constexpr double kTie = 1e-9;

struct QualityInputs {
  size_t items = 0;
  size_t linked = 0;      // items listing at least one need
  size_t measurable = 0;  // items with a numeric target value
  int64_t min_plan_items = 0;
  std::vector<std::string> need_categories;     // C: categories of the branch's non-declined needs in Y
  std::vector<std::string> covered_categories;  // C ∩ A
};

struct Quality {
  QualityInputs inputs;
  std::vector<util::Part> parts;  // linked, measurable, breadth, coverage (values in 0-1), in the weights' order
  double q = 0;                   // their weighted mean; 0 without items
};

bool linked(const model::Item& item);      // lists at least one need
bool measurable(const model::Item& item);  // has a numeric `target.value`

// C: the categories of the needs among `needs_in_year` (a branch's needs in Y's ledger
// as of A, SPEC 5) that are not declined as of A, sorted, each once.
std::vector<std::string> need_categories(const std::vector<ledger::NeedFacts>& needs_in_year);

// q of `plan`: `need_categories` is C (as need_categories() gives it), `listed_needs`
// the needs its items list (the first record of each id), `rules` those of the branch's
// type (min_plan_items) and `weights` the scoring model's `quality` group.
Quality quality(const model::Plan& plan, std::vector<std::string> need_categories,
                const std::vector<const model::NeedCore*>& listed_needs, const rules::TypeRules& rules,
                const util::Weights& weights);

}  // namespace svcorg::plan
