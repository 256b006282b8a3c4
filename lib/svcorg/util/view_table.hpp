// A set of texts numbered in the order they were added, found by their text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace svcorg::util {

// An open table (linear probing) of views with their hashes, for many lookups of which
// most miss: scoring looks every need of the ledger up among the few ids plan items
// list. A miss costs a probe or two of one flat array, where std::unordered_map walked a
// bucket's nodes (4% of a warm `score` at 100,000 needs). The texts are not copied: they
// must outlive the table.
class ViewTable {
 public:
  static constexpr size_t npos = SIZE_MAX;

  // `text`'s number: a new one (size() before the call) unless it is there already.
  size_t add(std::string_view text);
  // `text`'s number, or npos.
  size_t find(std::string_view text) const;
  size_t size() const { return texts_.size(); }
  std::string_view text(size_t number) const { return texts_[number]; }

 private:
  struct Slot {
    size_t hash = 0;
    uint32_t number = 0;  // + 1; 0: empty
  };
  size_t slot_of(std::string_view text, size_t hash) const;  // its slot, or the empty one where it goes
  void grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::string_view> texts_;
};

}  // namespace svcorg::util
