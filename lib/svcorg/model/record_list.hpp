// The records of one kind: a list kept in parts, one part per loaded file (or per
// run of records added one by one). Merging the files of a large district splices
// parts instead of moving every record: moving 100,000 needs into one new vector was a
// fifth of a warm run, all of it on one thread while the other waited (the new vector's
// pages were faulted in serially). Iteration visits the parts in order, so the list
// reads exactly like the concatenation of its parts.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

namespace svcorg::model {

template <class T>
class RecordList {
 public:
  template <bool Const>
  class Iter {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = std::conditional_t<Const, const T*, T*>;
    using reference = std::conditional_t<Const, const T&, T&>;
    using Parts = std::conditional_t<Const, const std::vector<std::vector<T>>, std::vector<std::vector<T>>>;

    Iter() = default;
    Iter(Parts* parts, size_t part, size_t index) : parts_(parts), part_(part), index_(index) {}
    // A const_iterator from an iterator (implicit, as for the standard containers).
    template <bool C = Const, std::enable_if_t<C, int> = 0>
    Iter(const Iter<false>& other)  // NOLINT(google-explicit-constructor)
        : parts_(other.parts_), part_(other.part_), index_(other.index_) {}

    reference operator*() const { return (*parts_)[part_][index_]; }
    pointer operator->() const { return &(*parts_)[part_][index_]; }
    Iter& operator++() {
      if (++index_ == (*parts_)[part_].size()) {
        ++part_;
        index_ = 0;
      }
      return *this;
    }
    Iter operator++(int) {
      Iter old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iter& a, const Iter& b) { return a.part_ == b.part_ && a.index_ == b.index_; }
    friend bool operator!=(const Iter& a, const Iter& b) { return !(a == b); }

   private:
    template <bool>
    friend class Iter;
    Parts* parts_ = nullptr;
    size_t part_ = 0;  // parts are never empty, so (parts.size(), 0) is the end
    size_t index_ = 0;
  };
  using iterator = Iter<false>;
  using const_iterator = Iter<true>;
  using value_type = T;

  iterator begin() { return {&parts_, 0, 0}; }
  iterator end() { return {&parts_, parts_.size(), 0}; }
  const_iterator begin() const { return {&parts_, 0, 0}; }
  const_iterator end() const { return {&parts_, parts_.size(), 0}; }

  size_t size() const { return ends_.empty() ? 0 : ends_.back(); }
  // The parts, in order (never empty ones): for splitting the work over threads.
  const std::vector<std::vector<T>>& parts() const { return parts_; }
  // The parts in at most `k` runs of whole parts of about equal size, for `k` threads:
  // run r is parts [at[r], at[r + 1]) of the result `at` (whose last element is
  // parts().size()).
  std::vector<size_t> runs(size_t k) const {
    std::vector<size_t> at{0};
    size_t seen = 0;  // records in the parts before p
    for (size_t p = 0; p < parts_.size(); ++p) {
      if (p > 0 && at.size() < k && seen * k >= size() * at.size()) at.push_back(p);
      seen += parts_[p].size();
    }
    at.push_back(parts_.size());
    return at;
  }
  bool empty() const { return parts_.empty(); }
  T& front() { return parts_.front().front(); }
  const T& front() const { return parts_.front().front(); }
  T& back() { return parts_.back().back(); }
  const T& back() const { return parts_.back().back(); }

  // The i-th record (a binary search over the parts).
  const T& operator[](size_t i) const { return at(i); }
  T& operator[](size_t i) { return const_cast<T&>(at(i)); }

  // Adds to the last part (which becomes shared growth room for records added singly).
  void push_back(T value) {
    if (parts_.empty()) {
      parts_.emplace_back();
      ends_.push_back(0);
    }
    parts_.back().push_back(std::move(value));
    ++ends_.back();
  }

  // Takes `part` whole as the next part (nothing if empty): no record moves.
  void append(std::vector<T>&& part) {
    if (part.empty()) return;
    const size_t before = size();
    parts_.push_back(std::move(part));
    ends_.push_back(before + parts_.back().size());
  }
  // Takes every part of `other`, in order.
  void append(RecordList&& other) {
    for (auto& part : other.parts_) append(std::move(part));
    other.clear();
  }

  // Drops unused capacity of every part (parts filled one record at a time grow by
  // doubling; the records are kept for the whole run).
  void shrink_to_fit() {
    for (auto& part : parts_) part.shrink_to_fit();
  }

  void clear() {
    parts_.clear();
    ends_.clear();
  }

 private:
  const T& at(size_t i) const {
    const size_t part = static_cast<size_t>(std::upper_bound(ends_.begin(), ends_.end(), i) - ends_.begin());
    return parts_.at(part).at(i - (part == 0 ? 0 : ends_[part - 1]));
  }

  std::vector<std::vector<T>> parts_;  // none empty
  std::vector<size_t> ends_;           // ends_[k]: records in parts 0..k
};

}  // namespace svcorg::model
