// Need cores (records.hpp): the interned texts and the packed history.
#include <mutex>
#include <unordered_set>

#include "svcorg/model/records.hpp"

namespace svcorg::model {

namespace {

// The pool: strings that are never freed (the views handed out must outlive every
// record), each distinct value once. A thread first looks in its own set of views it
// has seen, so the lock is taken once per distinct value and thread, not per need.
struct Pool {
  std::mutex lock;
  std::unordered_set<std::string> strings;
};

Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: threads may intern until the process ends
  return *p;
}

}  // namespace

std::string_view intern(std::string_view text) {
  thread_local std::unordered_set<std::string_view> seen;
  if (auto it = seen.find(text); it != seen.end()) return *it;
  Pool& p = pool();
  std::string_view out;
  {
    std::lock_guard<std::mutex> hold(p.lock);
    out = *p.strings.emplace(text).first;  // nodes never move: the view stays valid
  }
  seen.insert(out);
  return out;
}

Word word(const Text& t) {
  if (!t) return {};
  return Word{intern(*t), t.pos};
}

PackedStep::PackedStep(Date date, NeedStatus status)
    : bits_((static_cast<uint32_t>(date.days + kDayOffset) << 3) | static_cast<uint32_t>(status)) {}

NeedCore core_of(const Need& n) {
  NeedCore c;
  c.file = n.file;
  c.pos = n.pos;
  c.doc = n.doc;
  c.id = n.id;
  c.branch = word(n.branch);
  c.category = word(n.category);
  c.platform = word(n.platform);
  if (n.layer) c.layer = intern(*n.layer);
  if (n.received) c.received.set(*n.received);
  if (n.due) c.due.set(*n.due);
  if (n.feedback && n.feedback->satisfaction) c.satisfaction.set(*n.feedback->satisfaction);
  if (n.feedback && n.feedback->date) c.feedback_date.set(*n.feedback->date);
  if (n.events) {
    size_t count = 0;
    for (const auto& e : *n.events) count += e.date && e.status ? 1 : 0;
    c.steps.reserve(count);
    for (const auto& e : *n.events)
      if (e.date && e.status) c.steps.emplace_back(*e.date, *e.status);
  }
  return c;
}

void RecordSet::add_cores() {
  if (need_cores.size() >= needs.size()) return;
  std::vector<NeedCore> more;
  more.reserve(needs.size() - need_cores.size());
  size_t i = 0;
  for (const auto& n : needs)
    if (i++ >= need_cores.size()) more.push_back(core_of(n));
  need_cores.append(std::move(more));
}

}  // namespace svcorg::model
