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
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"
#include "svcorg/util/result.hpp"

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
  ledger::Listing listing;                                            // the scope's needs of the year as of A
  std::vector<Group> by_channel, by_category, by_disposal, by_layer;  // by count desc, then key
  std::vector<const ledger::Row*> oldest_overdue;                     // up to 10, oldest first
  std::vector<const ledger::Row*> own_layer;  // needs the scope's own level is responsible for, open ones first
};

struct SecretaryRow {
  const model::Branch* branch = nullptr;
  std::vector<std::pair<std::string, int64_t>> gaps;  // abilities rated 1-2
  bool rated = false;
  bool certified = false;
  int64_t reserve_cadres = 0;
  // Something to act on: no certificate, a gap, not rated or no reserve cadre.
  bool needs_action() const { return !certified || !gaps.empty() || !rated || reserve_cadres == 0; }
};

struct AwardRow {
  const model::Branch* branch = nullptr;
  const model::Award* award = nullptr;
};

// A concrete input behind lost points, language-neutral: `what` says what it is (a
// `report.fact.*` message, with the figures it names) and `values` lists what it is
// about by name (an item's title, a need's summary with its days overdue, a platform's
// name, the label of a category).
struct Fact {
  i18n::Message what;
  std::vector<i18n::Arg> values;
};

// A score part where points were lost, with the inputs behind it.
struct Improvement {
  std::string part;        // a component (plan_level, ...) or a base part (dues, ...)
  bool base = false;       // a base part
  double value = 0;        // its value on 0-100
  double points_lost = 0;  // points of the total it fell short of 100 by
  std::vector<Fact> facts;
};

// A need overdue as of A in scope (carried-over ones included), with its branch's name.
struct OverdueNeed {
  const ledger::Row* row = nullptr;
  std::string branch_name;
  int32_t days_overdue = 0;
};

// What needs attention in a district or street, first thing in its report.
struct Attention {
  std::vector<OverdueNeed> overdue;                    // most days overdue first, then need id
  std::vector<score::Adherence> behind;                // adherence < 1: lowest first, then platform id
  std::vector<const model::Branch*> uncertified;       // secretary without certificate, by branch id
  std::vector<const model::Branch*> no_reserve;        // no reserve cadre, by branch id
  std::vector<const score::BranchScore*> weak;         // graded fair or poor, lowest total first
  std::vector<std::pair<std::string, size_t>> grades;  // every grade, best first, with its count
};

// The same machinery on year − 1 (its plans exist): totals to compare with.
struct Previous {
  int year = 0;
  std::optional<double> mean_total;                           // the scope's
  std::map<std::string, double> branch_totals;                // by branch id
  std::map<std::string, std::optional<double>> street_means;  // by street id
};

// The district's scored branches of one type: their count and mean figures.
struct TypeMeans {
  std::string type;
  size_t scored = 0;
  double total = 0;
  std::map<std::string, double> parts;  // each component and base part with a value, by name
};

// One line of the branch card's components table.
struct CardRow {
  std::string part;             // a base part (dues, ...), `base`, a component, `autonomous`
  bool base = false;            // a base part
  std::optional<double> value;  // nullopt: excluded (its inputs do not exist)
  double weight = 0;
  std::optional<double> contribution;  // points of the total it gives
  std::optional<double> type_mean;     // the mean of the part over the type's scored branches
  std::vector<i18n::Message> inputs;   // the inputs behind a component, clause by clause
};

// A platform the branch owns or joins, and its meetings in the year.
struct MeetingSummary {
  score::Adherence adherence;
  std::string owner_name;
  std::optional<util::Date> last;  // the last meeting in the window
  size_t needs_discussed = 0;      // the branch's needs named by its meetings in the window
};

struct Data {
  Scope scope;
  std::string name;                                 // the district's, street's or branch's name
  std::map<std::string, std::string> street_names;  // from the District
  const score::Result* result = nullptr;
  const score::Model* model = nullptr;
  const rules::Rules* rules = nullptr;
  std::vector<const model::Branch*> branches;     // in scope, by id
  std::vector<const score::BranchScore*> scores;  // in scope, by total desc, then id
  std::vector<const score::Unscored*> unscored;   // in scope, by id
  std::vector<const score::Rollup*> streets;      // the streets in scope
  const score::Rollup* own = nullptr;             // the district's or the street's roll-up
  LedgerView ledger;
  std::vector<score::Adherence> platforms;                      // in scope, by id
  std::vector<const score::Adherence*> platforms_by_adherence;  // lowest first (not running last), then id
  std::vector<SecretaryRow> secretaries;                        // by branch id
  std::vector<AwardRow> awards;                                 // plans of the year, by branch id
  std::map<std::string, std::string> names;                     // id -> name: branches, streets, district, platforms
  std::optional<double> mean_total;                             // over the scores in scope
  std::vector<std::pair<std::string, double>> mean_by_type;     // in scope, types in type order
  std::vector<TypeMeans> type_means;                            // district-wide, types in type order
  size_t scored_in_district = 0;
  bool any_provisional = false;      // a score in scope is provisional
  bool all_provisional = false;      // every score in scope is (no total is marked then)
  Attention attention;               // district and street scope
  std::optional<Previous> previous;  // when plans of year − 1 exist
  // The name of a branch, street, district or platform; the id when it has none.
  const std::string& name_of(const std::string& id) const;
  const TypeMeans* type_mean(const std::string& type) const;
  // Branch scope only.
  const score::BranchScore* card = nullptr;
  const model::Branch* branch = nullptr;
  const model::Plan* plan = nullptr;
  std::vector<Improvement> improve;              // most points lost first
  std::vector<CardRow> card_rows;                // base parts, base, components, autonomous
  int quality_rank = 0;                          // 1 + peers of its type with a better plan quality
  std::vector<const ledger::Row*> card_needs;    // overdue (most days first), open, then the rest
  std::vector<MeetingSummary> meetings;          // by platform id
  std::vector<const model::Award*> card_awards;  // approved awards of the year
};

struct Inputs {
  const model::RecordSet& records;
  const rules::Rules& rules;
  const score::Model& model;
  const score::Result& result;
};

// Data for `scope`; fails (cmd.scope.no-street, no-branch) when the scope names nothing.
util::Result<Data> build(const Inputs& in, const Scope& scope);

}  // namespace svcorg::report
