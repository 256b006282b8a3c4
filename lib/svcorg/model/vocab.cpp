#include "svcorg/model/vocab.hpp"

#include <algorithm>

namespace svcorg::model::vocab {

int cadence_per_year(const std::string& cadence) {
  static constexpr int kPerYear[] = {52, 26, 12, 4, 2, 1};
  const auto it = std::find(kCadences.begin(), kCadences.end(), cadence);
  return it == kCadences.end() ? 0 : kPerYear[it - kCadences.begin()];
}

}  // namespace svcorg::model::vocab
