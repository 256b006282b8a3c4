// Need cores (records.hpp): the pool of repeated texts and packed histories.
#include <algorithm>
#include <unordered_map>

#include "svcorg/model/record_set.hpp"

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

std::vector<const PackedStep*> CorePool::keep(const std::vector<PackedStep>& steps, const std::vector<size_t>& starts) {
  return append(steps_, steps, starts);
}

std::vector<const char*> CorePool::keep(const std::string& chars, const std::vector<size_t>& starts) {
  return append(chars_, chars, starts);
}

size_t CorePool::texts() const {
  std::lock_guard<std::mutex> hold(lock_);
  return strings_.size();
}

const char CoreBuilder::kEmpty = '\0';

NeedCore CoreBuilder::core(const Need& n) {
  NeedCore c;
  c.file = n.file;
  c.pos = n.pos;
  c.doc = n.doc;
  const std::string_view id = n.id ? std::string_view(*n.id) : std::string_view();
  begin(n.id ? &id : nullptr);
  auto word = [this](const Text& t) { return t ? Word{text(*t), t.pos} : Word{}; };
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
  if (n.events)
    for (const auto& e : *n.events)
      if (e.date && e.status) step(PackedStep(*e.date, *e.status));
  end(c);
  return c;
}

void CoreBuilder::begin(const std::string_view* id) {
  id_starts_.push_back(chars_.size());
  has_id_.push_back(id != nullptr);
  if (id) chars_ += *id;
  starts_.push_back(steps_.size());
}

void CoreBuilder::reserve(size_t cores, size_t steps) {
  steps_.reserve(steps_.size() + steps);
  starts_.reserve(starts_.size() + cores);
  id_starts_.reserve(id_starts_.size() + cores);
  has_id_.reserve(has_id_.size() + cores);
}

void CoreBuilder::end(NeedCore& c) {
  c.id.n = static_cast<uint32_t>(chars_.size() - id_starts_.back());
  c.step_count = static_cast<uint32_t>(steps_.size() - starts_.back());
}

const std::string* CoreBuilder::text(std::string_view t) {
  if (auto it = seen_.find(t); it != seen_.end()) return it->second;
  const std::string* kept = &pool_.intern(t);
  seen_.emplace(*kept, kept);
  return kept;
}

PackedStep::PackedStep(Date date, NeedStatus status)
    : bits_((static_cast<uint32_t>(date.days + kDayOffset) << 3) | static_cast<uint32_t>(status)) {}

std::optional<Date> latest_date(const Need& n) {
  std::optional<Date> latest;
  auto see = [&latest](const F<Date>& d) {
    if (d && (!latest || *latest < *d)) latest = *d;
  };
  see(n.received);
  if (n.events)
    for (const auto& e : *n.events) see(e.date);
  if (n.feedback) see(n.feedback->date);
  return latest;
}

NeedCore core_of(const Need& n, CorePool& pool) {
  CoreBuilder b(pool);
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
  CoreBuilder b(pool());
  std::vector<NeedCore> more;
  more.reserve(needs.size() - need_cores.size());
  size_t i = 0;
  for (const auto& n : needs)
    if (i++ >= need_cores.size()) more.push_back(b.core(n));
  b.finish(more.begin());
  need_cores.append(std::move(more));
}

}  // namespace svcorg::model
