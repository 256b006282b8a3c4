// Internal to validate/: the context every check reads (records in a fixed order,
// lookups built once) and the checks, one function per theme.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "svcorg/check/finding.hpp"
#include "svcorg/diag/diagnostic.hpp"
#include "svcorg/i18n/message.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/validate/validate.hpp"

namespace svcorg::validate::detail {

inline model::Kind kind_of(const model::District&) {
  return model::Kind::District;
}
inline model::Kind kind_of(const model::Branch&) {
  return model::Kind::Branch;
}
inline model::Kind kind_of(const model::NeedCore&) {
  return model::Kind::Need;
}
inline model::Kind kind_of(const model::Platform&) {
  return model::Kind::Platform;
}
inline model::Kind kind_of(const model::Plan&) {
  return model::Kind::Plan;
}

using check::absent;
using check::finding;
using check::future_date;
using check::id_of;

// A need's id as findings show it ("" when it has none).
inline std::string id_of(const model::NeedCore& n) {
  return n.id ? std::string(*n.id) : std::string();
}

// "the category `x` (label) is not allowed for `what`; …" naming the allowed ones with
// their labels, built in or the District's (need-category, item-category); `what` is
// validate.category.need or .item.
i18n::Message category_not_allowed(const std::string& category, i18n::Message what,
                                   const std::vector<std::string>& allowed, const rules::Rules& rules);

// "did you mean `x`?" for the value of `ids` nearest `value`, if one is near enough.
std::optional<i18n::Message> did_you_mean(std::string_view value, const std::vector<std::string>& ids);

// The first record of each id among `ordered` (later ones are `duplicate-id` errors):
// an open-addressing table of pointers, half full at most. 2 MiB for 100,000 needs,
// where an unordered_map of views took ~5 MiB (a node per id). Ids are looked up as
// views of the records' own strings (the records outlive the table).
template <class R>
class IdTable {
 public:
  IdTable() = default;
  explicit IdTable(const std::vector<const R*>& ordered) {
    size_t cap = 8;
    while (cap < 2 * ordered.size()) cap *= 2;
    slots_.assign(cap, nullptr);
    for (const R* r : ordered) {
      if (!r->id) continue;
      size_t i = slot(*r->id);
      if (!slots_[i]) {  // the first of its id stays
        slots_[i] = r;
        ++size_;
      }
    }
  }

  const R* find(std::string_view id) const {
    if (slots_.empty()) return nullptr;
    return slots_[slot(id)];
  }
  size_t count(std::string_view id) const { return find(id) ? 1 : 0; }
  size_t size() const { return size_; }
  // Every id, sorted (for "did you mean" suggestions).
  std::vector<std::string> sorted_ids() const {
    std::vector<std::string> out;
    out.reserve(size_);
    for (const R* r : slots_)
      if (r) out.emplace_back(*r->id);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  // The slot holding `id`, or the empty one where it would go (linear probing).
  size_t slot(std::string_view id) const {
    const size_t mask = slots_.size() - 1;
    size_t i = std::hash<std::string_view>{}(id)&mask;
    while (slots_[i] && std::string_view(*slots_[i]->id) != id) i = (i + 1) & mask;
    return i;
  }

  std::vector<const R*> slots_;
  size_t size_ = 0;
};

// How a held finding depends on what an unusable file or document would define (the
// order its part of the root finding's message takes).
enum class Depends { Names, Lists, NoDistrict, RequiredPlatform };

// A finding that follows only from what an unusable file or document would define
// (model::Unusable, docs/FORMAT.md "Root causes"): held apart while the checks run, then
// counted in its root finding's message, or reported as it is when there is no root
// finding to count it in (hold_dependents in validate.cpp).
struct Held {
  size_t unit;  // in Index::unusable
  Depends how;
  model::Kind referrer, target;  // what refers (unused for NoDistrict), to what kind
  std::string target_id;         // Names: the id named
  model::Place record;           // the referring record (each counts once)
  diag::Diagnostic finding;
};

// Lookups built once over the records and only read afterwards, so the checks can
// run on several threads, each with its own Context (and sink) over one Index.
struct Index {
  explicit Index(const model::RecordSet& records);
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  const model::RecordSet& rs;

  // Each file's place in display-path order (equal paths, equal places): comparing
  // these instead of the paths keeps sorting 100,000 records cheap.
  std::vector<uint32_t> file_rank;
  bool before(const model::Place& a, const model::Place& b) const;

  // Records of each kind in (file path, position) order, so that which of two records
  // is "the earlier" never depends on the order the inputs were read in.
  std::vector<const model::District*> districts;
  std::vector<const model::Branch*> branches;
  std::vector<const model::NeedCore*> needs;
  std::vector<const model::Platform*> platforms;
  std::vector<const model::Plan*> plans;

  // The District: the first one in order (any later one is a `district` error).
  const model::District* district = nullptr;
  std::set<std::string> street_ids;  // the District's streets

  // The first record of each id (later duplicates are `duplicate-id` errors).
  template <class R>
  using ById = IdTable<R>;
  ById<model::Branch> branch_by_id;
  ById<model::NeedCore> need_by_id;
  ById<model::Platform> platform_by_id;
  ById<model::Plan> plan_by_id;

  // What unusable files and documents would define (RecordSet::unusable), in (file
  // path, position) order; empty for a valid repository. The first of each (kind, id)
  // and of each branch a Platform of theirs would serve: its place in `unusable`.
  std::vector<const model::Unusable*> unusable;
  std::map<std::pair<model::Kind, std::string>, size_t, std::less<>> would_define;
  std::map<std::string, size_t, std::less<>> would_serve;
};

// What a check reads (the index's members under their own names) and where its
// findings go.
struct Context {
  Context(const Index& index, const rules::Rules& rules, const ledger::Window& options, diag::Sink& sink,
          std::vector<Held>& held);

  template <class R>
  using ById = Index::ById<R>;

  const Index& ix;
  const model::RecordSet& rs;
  const rules::Rules& rules;
  const ledger::Window& options;
  diag::Sink& sink;
  std::vector<Held>& held;

  const std::vector<const model::District*>& districts;
  const std::vector<const model::Branch*>& branches;
  const std::vector<const model::NeedCore*>& needs;
  const std::vector<const model::Platform*>& platforms;
  const std::vector<const model::Plan*>& plans;
  const model::District* const district;
  const std::set<std::string>& street_ids;
  const ById<model::Branch>& branch_by_id;
  const ById<model::NeedCore>& need_by_id;
  const ById<model::Platform>& platform_by_id;
  const ById<model::Plan>& plan_by_id;

  const std::string& file(const model::Place& r) const { return rs.files.at(r.file); }
  bool before(const model::Place& a, const model::Place& b) const { return ix.before(a, b); }

  // Lookups by a reference field; nullptr when the field is absent or names nothing.
  const model::Branch* branch(const model::Text& id) const;
  const model::Branch* branch(const model::Word& id) const;
  const model::NeedCore* need(const model::Text& id) const;
  const model::Platform* platform(const model::Text& id) const;
  // The rules of a branch's type; nullptr when the branch or its type is unknown.
  const rules::TypeRules* type_rules(const model::Branch* b) const;
  bool is_street_or_district(const std::string& id) const;

  // The unusable file or document (its place in Index::unusable) that would define a
  // record of `kind` with `id`, if one would; for the District any id.
  std::optional<size_t> would_define(model::Kind kind, std::string_view id) const;
  // Holds the finding just added to `sink` (by error() or warning()) as a dependent of `unit`.
  void hold_last(size_t unit, Depends how, model::Kind referrer, model::Kind target, std::string target_id,
                 const model::Place& record);

  template <class R>
  void error(const R& r, Pos at, const char* rule, i18n::Message message) {
    add(kind_of(r), r, id_of(r), at, diag::Severity::Error, rule, std::move(message));
  }
  template <class R>
  void warning(const R& r, Pos at, const char* rule, i18n::Message message) {
    add(kind_of(r), r, id_of(r), at, diag::Severity::Warning, rule, std::move(message));
  }
  // An error at `later` (a record or a part of it) with `earlier` as the related location.
  template <class R>
  void conflict(const R& later, Pos at, const model::Place& earlier, Pos earlier_at, const char* rule,
                i18n::Message message) {
    add(kind_of(later), later, id_of(later), at, diag::Severity::Error, rule, std::move(message));
    auto& d = sink.items().back();
    d.has_related = true;
    d.related = {file(earlier), earlier_at};
  }

 private:
  void add(model::Kind kind, const model::Place& r, std::string id, Pos at, diag::Severity sev, const char* rule,
           i18n::Message message);
};

// dependents.cpp: each held finding counted in the message of its root finding (the
// error in `sink` that made its file or document unusable; the findings of the whole
// load are in `sink` by then), or added to `sink` as it is when there is none. The
// counts do not depend on the order the findings were held in.
void count_dependents(const Index& ix, std::vector<Held> held, diag::Sink& sink);
// identity.cpp: duplicate-id, duplicate-plan, district, no-district.
void check_identity(Context& c);
// references.cpp: reference, platform-level.
void check_references(Context& c);
// needs.cpp: need-category (the other rules about a need read it alone:
// check::need).
void check_needs(Context& c);
// plans.cpp: plan-quality (quality.cpp), item-category, negative-list, plan-items,
// unlinked-item, foreign-need (items), survey-size, and duplicate item ids. A plan that
// fails plan-quality gets neither plan-items nor unlinked-item: its error names those.
void check_plans(Context& c);
// quality.cpp: plan-quality; returns the plans it found below the minimum.
std::set<const model::Plan*> check_plan_quality(Context& c);
// platforms.cpp: required-platform, platform-cadence, foreign-need (meetings),
// future-date (meetings).
void check_platforms(Context& c);
// branches.cpp: type-field, competency-gap, not-certified, no-reserve-cadre.
void check_branches(Context& c);

}  // namespace svcorg::validate::detail
