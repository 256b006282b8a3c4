// Everything a load produced: the records of every kind, the needs' cores and the pools
// that keep them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "svcorg/model/core.hpp"
#include "svcorg/model/record_list.hpp"
#include "svcorg/model/records.hpp"

namespace svcorg::model {

// Everything loaded from the inputs. Records keep the order they were read in; every
// consumer that reports or renders sorts by (file path, position), so input order
// never shows in outputs.
struct RecordSet {
  std::vector<std::string> files;  // display paths, index = RecordBase::file
  RecordList<District> districts;
  RecordList<Branch> branches;
  // needs[i]'s core is need_cores[i]; `needs` is empty when only the cores were kept
  // (load::Needs::whole false).
  RecordList<Need> needs;
  RecordList<NeedCore> need_cores;
  RecordList<Platform> platforms;
  RecordList<Plan> plans;
  RecordList<Unusable> unusable;  // not records: not counted by record_count()
  // The pools the cores keep their texts and histories in (one for a whole load; a set
  // built by appending others keeps theirs).
  std::vector<std::shared_ptr<CorePool>> pools;

  // The first pool, made if there is none.
  CorePool& pool();

  size_t record_count() const {
    return districts.size() + branches.size() + need_cores.size() + platforms.size() + plans.size();
  }
  // Adds the cores of the needs that have none yet (needs added after the last call).
  void add_cores();
};

// Calls f(a's list, b's list) for every kind's list (the needs' cores included), in one
// fixed order: the one place that names them all, for code that moves records between sets.
template <class F>
void for_each_list(RecordSet& a, RecordSet& b, F&& f) {
  f(a.districts, b.districts);
  f(a.branches, b.branches);
  f(a.needs, b.needs);
  f(a.need_cores, b.need_cores);
  f(a.platforms, b.platforms);
  f(a.plans, b.plans);
  f(a.unusable, b.unusable);
}

}  // namespace svcorg::model
