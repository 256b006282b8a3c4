// A need in compact form, the only need type cross-record code sees: what cross-record
// validation, scoring and `--since` read of a need (`NeedCore`), its history packed 4
// bytes a step (`PackedStep`), the pool that keeps the texts, ids and histories of a
// load's cores (`CorePool`) and how cores are built (`CoreBuilder`, `core_of`). The
// rules about one need alone (check/) read the whole `Need`; the commands that read no
// more keep only the cores (load::Needs), so a large ledger's memory is its cores.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "svcorg/model/records.hpp"

namespace svcorg::model {

// One step of a need's history (an event with a valid date and status) in 4 bytes.
class PackedStep {
 public:
  PackedStep(Date date, NeedStatus status);
  Date date() const { return Date{static_cast<int32_t>(bits_ >> 3) - kDayOffset}; }
  NeedStatus status() const { return static_cast<NeedStatus>(bits_ & 7u); }
  // The 4 bytes themselves (the parse cache stores them); from_bits() is nullopt for
  // bits no step has (an unknown status).
  uint32_t bits() const { return bits_; }
  static std::optional<PackedStep> from_bits(uint32_t bits) {
    if ((bits & 7u) > static_cast<uint32_t>(NeedStatus::Declined)) return std::nullopt;
    PackedStep s;
    s.bits_ = bits;
    return s;
  }

 private:
  PackedStep() = default;
  static constexpr int32_t kDayOffset = 1 << 22;  // Date::days of years 1-9999 are above -2^22
  uint32_t bits_ = 0;
};

// Where the needs' cores of a load keep what they do not hold themselves: each distinct
// text they repeat (branch ids, categories, layers, platform ids) once, and their ids
// and histories, packed one after another in 1 KiB blocks. Thread-safe: the files of a load
// are read on several threads into one pool (RecordSet::pools). What it keeps lives as
// long as the pool.
class CorePool {
 public:
  CorePool() = default;
  CorePool(const CorePool&) = delete;
  CorePool& operator=(const CorePool&) = delete;

  // The pool's copy of `text` (the same object for equal texts).
  const std::string& intern(std::string_view text);
  // Copies of runs of `steps` or `chars`, each contiguous and stable: run k starts at
  // starts[k] and ends where the next starts (the last at the end). Returns where each
  // run's copy is (nullptr for an empty run).
  std::vector<const PackedStep*> keep(const std::vector<PackedStep>& steps, const std::vector<size_t>& starts);
  std::vector<const char*> keep(const std::string& chars, const std::vector<size_t>& starts);
  size_t texts() const;

 private:
  template <class T>
  using Blocks = std::vector<std::vector<T>>;  // each filled within its capacity
  template <class T, class Items>
  std::vector<const T*> append(Blocks<T>& blocks, const Items& items, const std::vector<size_t>& starts);

  mutable std::mutex lock_;
  std::unordered_set<std::string> strings_;  // nodes never move: references stay valid
  Blocks<PackedStep> steps_;
  Blocks<char> chars_;
};

// A need's id in its core: characters in its CorePool, 16 bytes where a `Text` takes 48
// and a heap block for an id over 15 bytes. No position: findings about a need point at
// the need.
struct PooledId {
  const char* p = nullptr;
  uint32_t n = 0;

  explicit operator bool() const { return p != nullptr; }
  std::string_view operator*() const { return {p, n}; }
};

// A short text of a need's core, a string of its CorePool, with where it was written;
// absent when there is none. 16 bytes where a `Text` takes 48 before its characters.
struct Word {
  const std::string* p = nullptr;
  Pos pos;

  explicit operator bool() const { return p != nullptr; }
  const std::string& operator*() const { return *p; }
  const std::string* operator->() const { return p; }
};

// What cross-record validation and scoring read of a need, and nothing else: 128 bytes
// and ~70 of id and history, where a `Need` with 14 events takes ~1.3 KB. A need's own checks
// (check::need) read the whole record; the commands that need no more keep only
// the cores (load::Needs::whole false), so a large ledger's memory is its cores.
struct NeedCore : Place {
  PooledId id;
  Word branch, category, platform;
  const std::string* layer = nullptr;     // in the pool too; null: absent
  const PackedStep* step_data = nullptr;  // the history, in the pool (steps_begin())
  uint32_t step_count = 0;
  Value<uint8_t> satisfaction;  // feedback.satisfaction (1-5)
  Value<Date> received, due;
  Value<Date> feedback_date;  // feedback.date

  // The events with a valid date and status, in file order.
  const PackedStep* steps_begin() const { return step_data; }
  const PackedStep* steps_end() const { return step_data ? step_data + step_count : nullptr; }
};

// Builds the cores of a batch of needs, from whole needs or field by field (the parse
// cache). Texts are looked up here first: the pool's lock is taken once per distinct
// text of the batch, not once per field (a file's needs share a branch and a few
// categories and layers). The batch's ids and histories go to the pool in one piece, by
// finish(): until then the cores' `id.p` and `step_data` are not set.
class CoreBuilder {
 public:
  explicit CoreBuilder(CorePool& pool) : pool_(pool) {}

  NeedCore core(const Need& n);

  // Field by field: begin(), step() for each step of the history, end(); the caller sets
  // the place, texts (text()), dates and satisfaction. `id` null: the need has none.
  void begin(const std::string_view* id);
  void step(PackedStep s) { steps_.push_back(s); }
  // Room for `cores` more cores of `steps` steps in all (a hint).
  void reserve(size_t cores, size_t steps);
  void end(NeedCore& c);
  const std::string* text(std::string_view t);

  // Points the batch's cores (`cores`: the first, in the order they were made) at their
  // ids and histories in the pool.
  template <class It>
  void finish(It cores) {
    const auto steps = pool_.keep(steps_, starts_);
    const auto ids = pool_.keep(chars_, id_starts_);
    for (size_t k = 0; k < starts_.size(); ++k, ++cores) {
      cores->step_data = steps[k];
      if (has_id_[k]) cores->id.p = ids[k] ? ids[k] : &kEmpty;
    }
  }

 private:
  static const char kEmpty;  // where empty ids point (a present id is never null)
  CorePool& pool_;
  std::unordered_map<std::string_view, const std::string*> seen_;  // keys view the pool's strings
  std::vector<PackedStep> steps_;
  std::vector<size_t> starts_;  // of each core's steps in steps_
  std::string chars_;           // the ids, one after another
  std::vector<size_t> id_starts_;
  std::vector<bool> has_id_;
};

// `pool` keeps the core's texts and history.
NeedCore core_of(const Need& n, CorePool& pool);

}  // namespace svcorg::model
