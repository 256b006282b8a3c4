// Need cores (records.hpp): the pool of repeated texts and packed histories.
#include <algorithm>
#include <unordered_map>

#include "svcorg/model/records.hpp"

namespace svcorg::model {

const std::string& CorePool::intern(std::string_view text) {
  std::lock_guard<std::mutex> hold(lock_);
  return *strings_.emplace(text).first;
}

template <class T, class Items>
std::vector<const T*> CorePool::append(Blocks<T>& blocks, const Items& items, const std::vector<size_t>& starts) {
  // 1 KiB blocks, mimalloc's small objects: with its huge OS pages, 4 KiB blocks cost
  // ~4 MiB more RSS at 100,000 needs and 64 KiB ones ~70 MiB.
  constexpr size_t kBlock = 1024 / sizeof(T);
  std::vector<const T*> out(starts.size(), nullptr);
  std::lock_guard<std::mutex> hold(lock_);
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t from = starts[k], to = k + 1 < starts.size() ? starts[k + 1] : items.size();
    if (from == to) continue;
    // A block is filled within its reserved capacity, so what it holds never moves.
    if (blocks.empty() || blocks.back().capacity() - blocks.back().size() < to - from) {
      blocks.emplace_back();
      blocks.back().reserve(std::max(kBlock, to - from));
    }
    auto& block = blocks.back();
    out[k] = block.data() + block.size();
    block.insert(block.end(), items.begin() + static_cast<std::ptrdiff_t>(from),
                 items.begin() + static_cast<std::ptrdiff_t>(to));
  }
  return out;
}

std::vector<const PackedStep*> CorePool::keep(const std::vector<PackedStep>& steps,
                                              const std::vector<size_t>& starts) {
  return append(steps_, steps, starts);
}

std::vector<const char*> CorePool::keep(const std::string& chars, const std::vector<size_t>& starts) {
  return append(chars_, chars, starts);
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
    id_starts_.push_back(chars_.size());
    if (n.id) {
      c.id.n = static_cast<uint32_t>(n.id->size());
      chars_ += *n.id;
    }
    has_id_.push_back(n.id.has);
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
    const auto steps = pool_.keep(steps_, starts_);
    const auto ids = pool_.keep(chars_, id_starts_);
    static const char kEmpty = '\0';  // where empty ids point (a present id is never null)
    for (size_t k = 0; k < starts_.size(); ++k, ++cores) {
      cores->step_data = steps[k];
      if (has_id_[k]) cores->id.p = ids[k] ? ids[k] : &kEmpty;
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
  std::vector<size_t> starts_;  // of each core's steps in steps_
  std::string chars_;           // the ids, one after another
  std::vector<size_t> id_starts_;
  std::vector<bool> has_id_;
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
