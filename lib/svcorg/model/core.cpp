// Need cores (records.hpp): the pool of repeated texts and the packed history.
#include <algorithm>
#include <unordered_map>

#include "svcorg/model/records.hpp"

namespace svcorg::model {

const std::string& Words::intern(std::string_view text) {
  std::lock_guard<std::mutex> hold(lock_);
  return *strings_.emplace(text).first;
}

size_t Words::size() const {
  std::lock_guard<std::mutex> hold(lock_);
  return strings_.size();
}

namespace {

// The texts of one batch of cores, looked up here first: the pool's lock is taken once
// per distinct text of the batch, not once per field (a file's needs share a branch and
// a few categories and layers).
class Interner {
 public:
  explicit Interner(Words& words) : words_(words) {}
  const std::string* operator()(std::string_view text) {
    if (auto it = seen_.find(text); it != seen_.end()) return it->second;
    const std::string* kept = &words_.intern(text);
    seen_.emplace(*kept, kept);
    return kept;
  }
  Word operator()(const Text& t) { return t ? Word{(*this)(std::string_view(*t)), t.pos} : Word{}; }

 private:
  Words& words_;
  std::unordered_map<std::string_view, const std::string*> seen_;  // keys view the pool's strings
};

NeedCore make_core(const Need& n, Interner& intern) {
  NeedCore c;
  c.file = n.file;
  c.pos = n.pos;
  c.doc = n.doc;
  c.id = n.id;
  c.branch = intern(n.branch);
  c.category = intern(n.category);
  c.platform = intern(n.platform);
  if (n.layer) c.layer = intern(std::string_view(*n.layer));
  if (n.received) c.received.set(*n.received);
  if (n.due) c.due.set(*n.due);
  if (n.feedback && n.feedback->date) c.feedback_date.set(*n.feedback->date);
  // The converter keeps a satisfaction only within 1-5.
  if (n.feedback && n.feedback->satisfaction)
    c.satisfaction.set(static_cast<uint8_t>(std::clamp<int64_t>(*n.feedback->satisfaction, 0, 255)));
  if (n.events) {
    size_t count = 0;
    for (const auto& e : *n.events) count += e.date && e.status ? 1 : 0;
    c.steps.reserve(count);
    for (const auto& e : *n.events)
      if (e.date && e.status) c.steps.emplace_back(*e.date, *e.status);
  }
  return c;
}

}  // namespace

PackedStep::PackedStep(Date date, NeedStatus status)
    : bits_((static_cast<uint32_t>(date.days + kDayOffset) << 3) | static_cast<uint32_t>(status)) {}

NeedCore core_of(const Need& n, Words& words) {
  Interner intern(words);
  return make_core(n, intern);
}

Words& RecordSet::pool() {
  if (words.empty()) words.push_back(std::make_shared<Words>());
  return *words.front();
}

void RecordSet::add_cores() {
  if (need_cores.size() >= needs.size()) return;
  Interner intern(pool());
  std::vector<NeedCore> more;
  more.reserve(needs.size() - need_cores.size());
  size_t i = 0;
  for (const auto& n : needs)
    if (i++ >= need_cores.size()) more.push_back(make_core(n, intern));
  need_cores.append(std::move(more));
}

}  // namespace svcorg::model
