// A platform's adherence to its cadence in year Y as of A (SPEC 6.4): used by the
// `platform-cadence` rule, the systems score and the roll-ups.
#pragma once

#include <cstddef>
#include <optional>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/util/date.hpp"

namespace svcorg::ledger {

// A platform's adherence in Y as of A (SPEC 6.4).
struct Adherence {
  const model::Platform* platform = nullptr;
  bool window_empty = true;
  util::Date from, to;  // the window, when not empty
  double fraction = 0;  // days in window / days in Y
  double expected = 0;  // cadence count × fraction
  // The meetings due by `to`: the whole periods of the cadence in the window,
  // ⌊expected⌋ (SPEC 4.2 rev 2, rule platform-cadence); what validate and the reports
  // ask for, while the score divides by `expected` unrounded (SPEC 6.4).
  size_t due = 0;
  size_t held = 0;              // meetings dated in the window
  std::optional<double> value;  // min(held / expected, 1); nullopt when the window is empty
};
Adherence adherence(const model::Platform& p, const Window& w);

}  // namespace svcorg::ledger
