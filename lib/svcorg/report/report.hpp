// What a report shows (SPEC 7), assembled from the records, the score result and the
// ledger: plain data for one scope. The Markdown renderer (render/report_*.cpp) only
// formats it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "svcorg/i18n/message.hpp"
#include "svcorg/ledger/listing.hpp"
#include "svcorg/model/records.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::report {

enum class ScopeKind { District, Street, Branch };
struct Scope {
  ScopeKind kind = ScopeKind::District;
  std::string id;  // the street or branch id
};
// `district`, `street:ID` or `branch:ID`.
std::optional<Scope> parse_scope(const std::string& text);

// The needs of one value of a dimension (a channel, a category, ...).
struct Group {
  std::string key;
  ledger::Metrics metrics;
};

struct LedgerView {
  ledger::Listing listing;  // the scope's needs of the year as of A
  std::vector<Group> by_channel, by_category, by_disposal, by_layer;  // by count desc, then key
  std::vector<const ledger::Row*> oldest_overdue;                     // up to 10, oldest first
  std::vector<const ledger::Row*> own_layer;  // needs the scope's own level is responsible for
};

struct SecretaryRow {
  const model::Branch* branch = nullptr;
  std::vector<std::pair<std::string, int64_t>> gaps;  // abilities rated 1-2
  bool rated = false;
};

struct AwardRow {
  const model::Branch* branch = nullptr;
  const model::Award* award = nullptr;
};

// A concrete input behind lost points, language-neutral: `what` says what it is (a
// `report.fact.*` message, with the figures it names) and `values` lists the ids or
// figures it is about; when `group` is set, each value is an enum of that label group (a
// category, a platform category).
struct Fact {
  i18n::Message what;
  std::vector<std::string> values;
  std::string group;
};

// A score part where points were lost, with the inputs behind it.
struct Improvement {
  std::string part;        // a component (plan_level, ...) or a base part (dues, ...)
  bool base = false;       // a base part
  double value = 0;        // its value on 0-100
  double points_lost = 0;  // points of the total it fell short of 100 by
  std::vector<Fact> facts;
};

struct Data {
  Scope scope;
  std::string name;  // the district's, street's or branch's name
  std::map<std::string, std::string> street_names;  // from the District
  const score::Result* result = nullptr;
  const score::Model* model = nullptr;
  const rules::Rules* rules = nullptr;
  std::vector<const model::Branch*> branches;          // in scope, by id
  std::vector<const score::BranchScore*> scores;       // in scope, by total desc, then id
  std::vector<const score::Unscored*> unscored;        // in scope, by id
  std::vector<const score::Rollup*> streets;           // the streets in scope
  const score::Rollup* own = nullptr;                  // the district's or the street's roll-up
  LedgerView ledger;
  std::vector<score::Adherence> platforms;             // in scope, by id
  std::vector<SecretaryRow> secretaries;               // by branch id
  std::vector<AwardRow> awards;                        // plans of the year, by branch id
  // Branch scope only.
  const score::BranchScore* card = nullptr;
  const model::Branch* branch = nullptr;
  const model::Plan* plan = nullptr;
  std::vector<Improvement> improve;                    // most points lost first
};

struct Inputs {
  const model::RecordSet& records;
  const rules::Rules& rules;
  const score::Model& model;
  const score::Result& result;
};

// Data for `scope`; nullopt with `error` set when the scope names nothing.
std::optional<Data> build(const Inputs& in, const Scope& scope, i18n::Message& error);

}  // namespace svcorg::report
