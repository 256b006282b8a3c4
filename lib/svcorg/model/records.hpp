// Typed records (SPEC 2). Every value keeps where it was written; a value that was
// absent or invalid is simply not `has` (its error was reported when converting),
// so later stages check what is there and never report the same fault twice.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
// A kind's name as records write it in `kind:` ("District", …), and back (nullopt: no
// kind has that name).
const char* kind_name(Kind k);
std::optional<Kind> kind_named(std::string_view name);

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

}  // namespace svcorg::model
