#include "svcorg/util/view_table.hpp"

#include <functional>
#include <stdexcept>

namespace svcorg::util {

size_t ViewTable::slot_of(std::string_view text, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].number != 0 && (slots_[i].hash != hash || texts_[slots_[i].number - 1] != text)) i = (i + 1) & mask;
  return i;
}

void ViewTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.number == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].number != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

size_t ViewTable::add(std::string_view text) {
  if (2 * (texts_.size() + 1) > slots_.size()) grow();
  const size_t hash = std::hash<std::string_view>{}(text);
  const size_t i = slot_of(text, hash);
  if (slots_[i].number != 0) return slots_[i].number - 1;
  if (texts_.size() >= UINT32_MAX) throw std::length_error("ViewTable: too many texts");
  texts_.push_back(text);
  slots_[i] = Slot{hash, static_cast<uint32_t>(texts_.size())};
  return texts_.size() - 1;
}

size_t ViewTable::find(std::string_view text) const {
  if (texts_.empty()) return npos;
  const size_t i = slot_of(text, std::hash<std::string_view>{}(text));
  return slots_[i].number == 0 ? npos : slots_[i].number - 1;
}

}  // namespace svcorg::util
