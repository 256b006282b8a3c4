// The parts of one branch's score (SPEC 6.1-6.5), each a pure function of its inputs.
#pragma once

#include <unordered_map>
#include <vector>

#include "svcorg/ledger/metrics.hpp"
#include "svcorg/model/record_set.hpp"
#include "svcorg/rules/rules.hpp"
#include "svcorg/score/model.hpp"
#include "svcorg/score/score.hpp"

namespace svcorg::score {

// 6.1: dues, statistics, organizational_life, member_development (0-100).
std::vector<Part> base_parts(const model::BasePart& base, const rules::TypeRules& rules, const Model& m);

// 6.2: pr = (L + 0.5 E) / (n − 1) over the other peers' qualities; nullopt when there is
// no other peer (n = 1).
std::optional<double> percentile(double q, const std::vector<double>& others);

// percentile() of each of `qualities` against all the others, in O(n log n) rather than
// O(n²): result[i] == percentile(qualities[i], qualities without element i), exactly.
std::vector<std::optional<double>> percentiles(const std::vector<double>& qualities);

// 6.3: 100 × Σ weight × progress / Σ weight; 0 without items.
double execution(const model::Plan& plan, double& weight_sum);

// 6.4: per required category, the best adherence among the branch's platforms.
std::vector<SystemsEntry> systems_entries(const std::vector<const model::Platform*>& branch_platforms,
                                          const rules::TypeRules& rules, const ledger::Window& w);

// 6.5: the four ledger rates as parts (0-1).
std::vector<Part> effect_parts(const ledger::Metrics& m, const Model& model);

// 6.5: member and public surveys (0-100); empty values when absent.
std::vector<Part> satisfaction_parts(const model::Plan& plan, const Model& m);

// The facts of the needs received in Y, by the id their `branch` names, each judged
// by the rules of that branch's type (see score.cpp's index).
using FactsByBranch = std::unordered_map<std::string, std::vector<ledger::NeedFacts>>;

// 6.8: one level's roll-up over `branches`, its own `layer` of needs (taken from
// `facts`) and the platforms owned by `id`.
Rollup rollup(const std::string& id, const std::string& layer, const std::vector<const model::Branch*>& branches,
              const model::RecordSet& rs, const FactsByBranch& facts, const Result& result, const ledger::Window& w);

}  // namespace svcorg::score
