#include "svcorg/model/vocab.hpp"

#include <algorithm>

namespace svcorg::model::vocab {

int cadence_per_year(const std::string& cadence) {
  static constexpr int kPerYear[] = {52, 26, 12, 4, 2, 1};
  const auto it = std::find(kCadences.begin(), kCadences.end(), cadence);
  return it == kCadences.end() ? 0 : kPerYear[it - kCadences.begin()];
}

std::optional<NeedStatus> need_status(std::string_view name) {
  const auto it = std::find(kNeedStatusNames.begin(), kNeedStatusNames.end(), name);
  if (it == kNeedStatusNames.end()) return std::nullopt;
  return static_cast<NeedStatus>(it - kNeedStatusNames.begin());
}

std::string_view need_status_name(NeedStatus s) {
  return kNeedStatusNames.at(static_cast<size_t>(s));
}

}  // namespace svcorg::model::vocab
