// Need cores (records.hpp): the pool of repeated texts and packed histories.
#include <algorithm>
#include <unordered_map>

#include "svcorg/model/records.hpp"

namespace svcorg::model {

const std::string& CorePool::intern(std::string_view text) {
  std::lock_guard<std::mutex> hold(lock_);
  return *strings_.emplace(text).first;
}

const PackedStep* CorePool::keep(const std::vector<PackedStep>& steps) {
  if (steps.empty()) return nullptr;
  constexpr size_t kBlock = 1024;  // steps (4 KiB)
  std::lock_guard<std::mutex> hold(lock_);
  // A block is filled within its reserved capacity, so what it holds never moves.
  if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < steps.size()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlock, steps.size()));
  }
  auto& block = blocks_.back();
  const size_t at = block.size();
  block.insert(block.end(), steps.begin(), steps.end());
  return block.data() + at;
}

size_t CorePool::texts() const {
  std::lock_guard<std::mutex> hold(lock_);
  return strings_.size();
}

namespace {

// Builds the cores of a batch of needs. Texts are looked up here first: the pool's lock
// is taken once per distinct text of the batch, not once per field (a file's needs
// share a branch and a few categories and layers). The batch's histories go to the pool
// in one piece.
class Builder {
 public:
  explicit Builder(CorePool& pool) : pool_(pool) {}

  NeedCore core(const Need& n) {
    NeedCore c;
    c.file = n.file;
    c.pos = n.pos;
    c.doc = n.doc;
    c.id = n.id;
    c.branch = word(n.branch);
    c.category = word(n.category);
    c.platform = word(n.platform);
    if (n.layer) c.layer = text(*n.layer);
    if (n.received) c.received.set(*n.received);
    if (n.due) c.due.set(*n.due);
    if (n.feedback && n.feedback->date) c.feedback_date.set(*n.feedback->date);
    // The converter keeps a satisfaction only within 1-5.
    if (n.feedback && n.feedback->satisfaction)
      c.satisfaction.set(static_cast<uint8_t>(std::clamp<int64_t>(*n.feedback->satisfaction, 0, 255)));
    const size_t first = steps_.size();
    if (n.events)
      for (const auto& e : *n.events)
        if (e.date && e.status) steps_.emplace_back(*e.date, *e.status);
    c.step_count = static_cast<uint32_t>(steps_.size() - first);
    starts_.push_back(first);
    return c;
  }

  // Moves the batch's histories into the pool and points `cores` (the batch, in order) at them.
  template <class It>
  void finish(It cores) {
    const PackedStep* base = pool_.keep(steps_);
    for (size_t start : starts_) {
      cores->step_data = cores->step_count == 0 ? nullptr : base + start;
      ++cores;
    }
  }

 private:
  const std::string* text(std::string_view t) {
    if (auto it = seen_.find(t); it != seen_.end()) return it->second;
    const std::string* kept = &pool_.intern(t);
    seen_.emplace(*kept, kept);
    return kept;
  }
  Word word(const Text& t) { return t ? Word{text(*t), t.pos} : Word{}; }

  CorePool& pool_;
  std::unordered_map<std::string_view, const std::string*> seen_;  // keys view the pool's strings
  std::vector<PackedStep> steps_;
  std::vector<size_t> starts_;
};

}  // namespace

PackedStep::PackedStep(Date date, NeedStatus status)
    : bits_((static_cast<uint32_t>(date.days + kDayOffset) << 3) | static_cast<uint32_t>(status)) {}

NeedCore core_of(const Need& n, CorePool& pool) {
  Builder b(pool);
  NeedCore c = b.core(n);
  b.finish(&c);
  return c;
}

CorePool& RecordSet::pool() {
  if (pools.empty()) pools.push_back(std::make_shared<CorePool>());
  return *pools.front();
}

void RecordSet::add_cores() {
  if (need_cores.size() >= needs.size()) return;
  Builder b(pool());
  std::vector<NeedCore> more;
  more.reserve(needs.size() - need_cores.size());
  size_t i = 0;
  for (const auto& n : needs)
    if (i++ >= need_cores.size()) more.push_back(b.core(n));
  b.finish(more.begin());
  need_cores.append(std::move(more));
}

}  // namespace svcorg::model
