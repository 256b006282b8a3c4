// Typed records (SPEC 2). Every value keeps where it was written; a value that was
// absent or invalid is simply not `has` (its error was reported when converting),
// so later stages check what is there and never report the same fault twice.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "svcorg/model/record_list.hpp"
#include "svcorg/util/date.hpp"
#include "svcorg/util/pos.hpp"
#include "svcorg/yaml/tree.hpp"

namespace svcorg::model {

using util::Date;

// A located value that may be absent. `has` false with a known `pos` means the key was
// written but its value was invalid (already reported): not the same as missing.
template <class T>
struct F {
  T v{};
  Pos pos;
  bool has = false;

  explicit operator bool() const { return has; }
  const T& operator*() const { return v; }
  T& operator*() { return v; }
  const T* operator->() const { return &v; }
  T* operator->() { return &v; }
  void set(T value, Pos at) {
    v = std::move(value);
    pos = at;
    has = true;
  }
};

// A value that may be absent, without a position: for fields of records numerous enough
// that the bytes count, when no finding after conversion points at the field itself.
template <class T>
struct Value {
  T v{};
  bool has = false;

  explicit operator bool() const { return has; }
  const T& operator*() const { return v; }
  void set(T value) {
    v = std::move(value);
    has = true;
  }
};

using Text = F<std::string>;
using TextList = std::vector<Text>;

// A text no output shows: checked when converting (a non-empty string, valid UTF-8), its
// characters not kept. Event notes are ~15 per need and half a ledger's bytes; keeping
// them took a quarter of the memory of a large run (docs/PERFORMANCE.md).
struct Unkept {};
using UnkeptText = F<Unkept>;

enum class Kind { District, Branch, Need, Platform, Plan };
const char* kind_name(Kind k);

// Where a record is.
struct Place {
  uint32_t file = 0;  // index into RecordSet::files
  Pos pos;            // the record's first key
  uint32_t doc = 0;   // document index in its file
};

// What every record has: where it is and its id.
struct RecordBase : Place {
  Text id;
};

struct Street {
  Pos pos;
  Text id, name;
};

// An entry of the District's `waivers:` (see waive/).
struct DistrictWaiver {
  Pos pos;
  Text record, kind, rule, reason;
  F<Date> until;
};

struct District : RecordBase {
  Text name, lang;
  std::vector<Street> streets;
  std::vector<DistrictWaiver> waivers;
  std::shared_ptr<const yaml::Node> scoring, rules;  // overrides, checked and kept as trees
};

struct Secretary {
  Pos pos;
  Text name;
  F<bool> certified;
  static constexpr std::array<const char*, 6> kAbilities = {"orientation",  "planning",     "organizing",
                                                            "coordination", "adaptability", "communication"};
  std::array<F<int64_t>, 6> competencies;  // in kAbilities order
  bool has_competencies = false;
};

struct Representative {
  Pos pos;
  Text name, role;
};

struct Branch : RecordBase {
  Text name, type, street;
  F<Date> established;
  F<int64_t> members;
  F<Secretary> secretary;
  F<int64_t> reserve_cadres;
  F<TextList> functions;
  F<int64_t> units;
  F<std::vector<Representative>> representatives;
};

// A need's status (SPEC 2.4) in lifecycle order, `Declined` apart from it; the values
// are the indexes of vocab::kNeedStatuses (vocab::need_status and need_status_name).
// Events keep it as a code, not a text: there are ~15 events per need.
enum class NeedStatus : uint8_t { Received, Assessed, InProgress, Resolved, Closed, Declined };

// One entry of a need's history, ~15 per need, so it keeps only what validation and
// scoring read after conversion, in 28 bytes (56 with a position for the status and the
// note's): its position (findings about its order and status point there), the date
// with its position (future-date), the status code. The note is checked when converting
// (a non-empty text) and dropped. A report that shows notes adds a Text here.
struct Event {
  Pos pos;
  F<Date> date;
  Value<NeedStatus> status;
};

struct Feedback {
  Pos pos;
  F<int64_t> satisfaction;
  F<Date> date;
};

// Where an imported need came from (`x-source`, docs/FORMAT.md "The source of an imported
// need"): the system's name and its case number, which `svcorg import needs` reads to skip
// rows already imported.
struct Source {
  Pos pos;
  Text system, number;  // `system`, `case`
};

struct Need : RecordBase {
  Text branch;
  F<Date> received;
  Text channel, category, summary, scope;
  F<TextList> impact;
  Text layer, disposal, relayed_to, platform;
  F<Date> due;
  Text status, reason;
  F<std::vector<Event>> events;
  F<Feedback> feedback;
  F<Source> source;  // `x-source`
};

struct Meeting {
  Pos pos;
  F<Date> date;
  F<int64_t> attendees;
  F<TextList> needs;
  Text note;
};

struct Platform : RecordBase {
  Text name, owner, level, category, cadence;
  F<Date> established;
  F<TextList> participants;
  F<std::vector<Meeting>> meetings;
  F<double> budget;
};

struct MemberDevelopment {
  Pos pos;
  F<int64_t> planned, developed;
};

struct BasePart {
  Pos pos;
  F<double> dues_paid_rate;
  F<bool> statistics_on_time;
  F<int64_t> organizational_life;
  F<MemberDevelopment> member_development;
};

struct Target {
  Pos pos;
  Text metric;
  F<double> value;
};

struct Outcome {
  Pos pos;
  F<double> value;
  Text note;
};

struct Item {
  Pos pos;
  Text id, title, category;
  F<TextList> needs;
  Text platform, approval;
  F<Target> target;
  F<double> weight, budget, progress;
  F<Date> due;
  F<Outcome> outcome;
};

struct Survey {
  Pos pos;
  F<int64_t> respondents;
  F<double> mean;
};

struct Award {
  Pos pos;
  Text kind, title;
  F<bool> approved;
};

struct Review {
  Pos pos;
  F<Survey> member_survey, public_survey;
  F<std::vector<Award>> awards;
};

struct Plan : RecordBase {
  Text branch, status;
  F<int64_t> year;
  F<BasePart> base;
  F<std::vector<Item>> items;
  F<Review> review;
};

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

// The latest of the dates on which a need records that something happened: `received`,
// its events' dates and its feedback's date (the dates future-date checks against the
// as-of date); nullopt when it has none.
std::optional<Date> latest_date(const Need& n);

// A file, or a document of one, that could not be used: what it would have defined, so
// that validation reports the findings that only follow from its absence as dependents
// of its own finding, not apart (docs/FORMAT.md, "Root causes"). Made by load/ on the
// error path only: a valid repository has none.
struct Unusable : Place {
  // The finding that says why: its rule and position (Place::pos) in the file; "" when
  // the file has no finding of its own yet (an empty file): its first error then.
  std::string rule;
  // The ids it would define, with their kind (a District's: its own id, or "").
  std::vector<std::pair<Kind, std::string>> ids;
  // The ids a Platform it would define names as `owner` or in `participants`.
  std::vector<std::string> serves;
};

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
